// Tagging: every taggable AWS resource carries the platform's cost and ownership tags. Which types are
// taggable is not a hand-kept list: src/data/aws-taggable-types.json is derived from the pulumi-aws SDK
// (io.containerplatform.tags.TaggableTypes, checked against the provider by TaggableTypesTest).
import { ResourceValidationPolicy } from "@pulumi/policy";
import taggableTypes from "./data/aws-taggable-types.json";
import { tagsOf } from "./util";

export const DEFAULT_REQUIRED_TAGS = ["Project", "Environment", "Owner", "CostCenter", "ManagedBy"];

const TAGGABLE = new Set<string>(taggableTypes.taggable);
const NOT_TAGGABLE = new Set<string>(taggableTypes.notTaggable);

/** `true`, `false`, or `undefined` for an AWS type the derived list does not know. */
export function isTaggable(type: string): boolean | undefined {
    if (TAGGABLE.has(type)) {
        return true;
    }
    return NOT_TAGGABLE.has(type) ? false : undefined;
}

export const requireTags: ResourceValidationPolicy = {
    name: "aws-resources-require-platform-tags",
    description: "Every taggable AWS resource carries the required tags (Project, Environment, Owner, CostCenter, ManagedBy).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requiredTags: { type: "array", items: { type: "string" }, default: DEFAULT_REQUIRED_TAGS, description: "Tag keys every taggable resource must carry." },
        },
    },
    validateResource: (args, report) => {
        if (!args.type.startsWith("aws:") || args.type.startsWith("pulumi:providers:")) {
            return;
        }
        const taggable = isTaggable(args.type);
        if (taggable === undefined) {
            report(`type ${args.type} is not in the derived list of AWS types (${taggableTypes.source}); `
                + "regenerate policy/src/data/aws-taggable-types.json with `./mvnw -q compile exec:java@taggable-types` after a provider upgrade.");
            return;
        }
        if (!taggable) {
            return;
        }
        const required = args.getConfig<{ requiredTags?: string[] }>().requiredTags ?? DEFAULT_REQUIRED_TAGS;
        const tags = tagsOf(args.props) ?? {};
        const missing = required.filter(key => tags[key] === undefined || String(tags[key]).trim() === "");
        if (missing.length > 0) {
            report(`missing tag(s) ${missing.join(", ")}. The program applies them to every resource through its tagging `
                + "transformation: create the resource inside a component that receives it (Tagging.componentOptions()).");
        }
    },
};

export const taggingPolicies = [requireTags];
