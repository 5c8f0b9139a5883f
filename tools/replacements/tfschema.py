"""Reads the schema of a terraform-plugin-sdk (v2) resource out of its Go source: every attribute with its path,
type, whether it is an input, whether it is ForceNew and whether it holds at most one item (the bridge flattens such
a list into an object). A small brace-matching reader, enough for the literal schema maps the provider writes."""

import re

_KEY = re.compile(r'\s*(?://[^\n]*\n\s*)*("(?P<s>[a-z0-9_]+)"|names\.Attr(?P<c>[A-Za-z0-9]+)|(?P<i>[a-z][A-Za-z0-9]*))\s*:\s*')


def _match(text, i, open_ch="{", close_ch="}"):
    """Index just past the bracket that closes the one at text[i]."""
    depth, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == '`':
            j = text.index(c, i + 1)
            while c == '"' and text[j - 1] == "\\":
                j = text.index(c, j + 1)
            i = j
        elif c == "/" and text.startswith("//", i):
            i = text.index("\n", i)
        elif c in "{(":
            depth += 1
        elif c in "})":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced")


def _value_end(text, i):
    """Index just past a value starting at text[i] (up to the comma that ends it at depth 0)."""
    depth = 0
    while i < len(text):
        c = text[i]
        if c == '"' or c == '`':
            i = text.index(c, i + 1)
        elif c in "{([":
            depth += 1
        elif c in "})]":
            if depth == 0:
                return i
            depth -= 1
        elif c == "," and depth == 0:
            return i
        i += 1
    return i


def _snake(camel):
    """names.AttrNodeGroupName -> node_group_name (the provider's attribute-name constants)."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", camel).lower().replace("i_d", "id")


def _fields(block):
    """The top-level `Key: value` pairs of a Go composite literal's body."""
    out, i = {}, 0
    while i < len(block):
        m = re.compile(r"\s*([A-Z][A-Za-z]*)\s*:\s*").match(block, i)
        if not m:
            i += 1
            continue
        end = _value_end(block, m.end())
        out[m.group(1)] = block[m.end():end].strip()
        i = end + 1
    return out


def attributes(schema_body, constants, prefix=""):
    """Yields (path, attrs) for every attribute of a `map[string]*schema.Schema{...}` body, nested blocks included;
    `constants` resolves attribute names the source writes as Go constants."""
    i = 0
    while True:
        m = _KEY.match(schema_body, i)
        if not m:
            if schema_body[i:].strip(" \t\n,"):
                raise ValueError("cannot read the schema at: " + schema_body[i:i + 80])
            return
        name = m.group("s") or (m.group("c") and _snake(m.group("c"))) or constants[m.group("i")]
        start = m.end()
        end = _value_end(schema_body, start)
        value = schema_body[start:end]
        i = end + 1
        if value.strip() in constants.get("__schemas__", {}):
            value = constants["__schemas__"][value.strip()]
        brace = value.find("{")
        if brace < 0 or "(" in value[:brace]:
            yield prefix + name, {"opaque": value.strip(), "input": value.strip().endswith("TagsSchema()")}
            continue
        body = value[brace + 1:value.rindex("}")]
        f = _fields(body)
        attrs = {
            "type": f.get("Type", ""),
            "input": f.get("Optional") == "true" or f.get("Required") == "true",
            "forceNew": f.get("ForceNew") == "true",
            "maxOne": f.get("MaxItems") == "1",
        }
        yield prefix + name, attrs
        elem = f.get("Elem", "")
        nested = re.search(r"Schema:\s*map\[string\]\*schema\.Schema\{", elem)
        if elem.startswith("&schema.Resource") and nested:
            inner = elem[nested.end() - 1:]
            inner = inner[1:_match(inner, 0) - 1]
            yield from attributes(inner, constants, prefix + name + ".")


def resource_schema(source, func_name, package_source=""):
    """The attributes of the resource that `func <func_name>() *schema.Resource` declares in `source`."""
    start = source.index("func " + func_name + "(")
    body_start = source.index("{", start)
    body = source[body_start:_match(source, body_start)]
    m = re.search(r"\n\t\tSchema:\s*map\[string\]\*schema\.Schema\{", body)
    if m:
        inner = body[m.end() - 1:]
    else:
        named = re.search(r"\n\t\tSchema:\s*([A-Za-z0-9]+),", body)
        if not named:
            raise ValueError(func_name + ": no Schema map")
        m = re.search(named.group(1) + r"\s*=\s*map\[string\]\*schema\.Schema\{", source)
        if not m:
            raise ValueError(func_name + ": no Schema map " + named.group(1))
        inner = source[m.end() - 1:]
    constants = dict(re.findall(r"\b([a-z][A-Za-z0-9]*)\s*=\s*\"([a-z0-9_]+)\"", package_source + source))
    schemas = {}
    for m in re.finditer(r"\b([a-zA-Z][A-Za-z0-9]*)\s*=\s*&schema\.Schema\{", source):
        brace = m.end() - 1
        schemas[m.group(1)] = source[brace - len("&schema.Schema"):_match(source, brace)]
    constants["__schemas__"] = schemas
    return list(attributes(inner[1:_match(inner, 0) - 1], constants))
