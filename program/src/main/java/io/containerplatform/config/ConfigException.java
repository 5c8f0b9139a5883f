package io.containerplatform.config;

import java.util.List;

/** Invalid stack config: every problem found, each naming its key, the bad value and what is allowed. */
public final class ConfigException extends RuntimeException {

    private final List<String> errors;

    public ConfigException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    /** The problems, one line each, in the order the keys were read. */
    public List<String> errors() {
        return errors;
    }

    /** A report for people: a header and one indented line per problem, no stack trace. */
    public String report(String stack) {
        var out = new StringBuilder("Invalid config for stack '" + stack + "' (" + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + "):\n");
        errors.forEach(e -> out.append("  - ").append(e).append('\n'));
        out.append("Keys are under the 'container-platform:' namespace: fix them in Pulumi.")
                .append(stack).append(".yaml or with `pulumi config set`.");
        return out.toString();
    }
}
