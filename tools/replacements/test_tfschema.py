"""python3 -m unittest discover tools/replacements: the schema reader against a literal schema in the provider's style."""

import unittest

import tfschema

SOURCE = '''
const attrDestination = "destination_cidr_block"

var ruleBlock = &schema.Schema{
	Type:     schema.TypeSet,
	Optional: true,
	Elem:     &schema.Resource{Schema: map[string]*schema.Schema{"port": {Type: schema.TypeInt, Required: true}}},
}

func ResourceThing() *schema.Resource {
	return &schema.Resource{
		Schema: map[string]*schema.Schema{
			// a comment
			names.AttrClusterName: {
				Type:     schema.TypeString,
				Required: true,
				ForceNew: true,
			},
			attrDestination: {
				Type:     schema.TypeString,
				Optional: true,
				ForceNew: true,
			},
			"launch_template": {
				Type:     schema.TypeList,
				MaxItems: 1,
				Optional: true,
				Elem: &schema.Resource{
					Schema: map[string]*schema.Schema{
						"id":      {Type: schema.TypeString, Optional: true, ForceNew: true},
						"version": {Type: schema.TypeString, Required: true},
					},
				},
			},
			"ingress": ruleBlock,
			"arn": {
				Type:     schema.TypeString,
				Computed: true,
			},
			names.AttrTags: tftags.TagsSchema(),
		},
	}
}
'''


class ResourceSchemaTest(unittest.TestCase):

    def test_reads_paths_force_new_inputs_and_blocks(self):
        attributes = dict(tfschema.resource_schema(SOURCE, "ResourceThing"))
        self.assertEqual(
            ["cluster_name", "destination_cidr_block", "launch_template", "launch_template.id", "launch_template.version",
             "ingress", "ingress.port", "arn", "tags"], list(attributes))
        self.assertEqual({"cluster_name", "destination_cidr_block", "launch_template.id"},
                         {p for p, a in attributes.items() if a.get("forceNew")})
        self.assertTrue(attributes["launch_template"]["maxOne"])
        self.assertFalse(attributes["arn"]["input"])
        self.assertTrue(attributes["tags"]["input"])

    def test_an_unreadable_schema_fails(self):
        with self.assertRaises(ValueError):
            tfschema.resource_schema(SOURCE.replace('"arn": {', '"arn" = {'), "ResourceThing")


if __name__ == "__main__":
    unittest.main()
