package io.containerplatform.components.args;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reference of components' inputs, written from their declarations alone: one table per Args (and per declared
 * input type they hold), each input with its type, whether it is required, its default, what is allowed and what it
 * is. The library's {@code docs/component-inputs.md} is this text, and the javadoc of each builder setter is its
 * input's {@link Inputs.Input#sentences()} ({@link #withSetterJavadoc}); tests hold both equal to the declarations.
 */
public final class InputReference {

    private static final Pattern SETTER = Pattern.compile("^(\\s+)public (?:Builder|B) (\\w+)\\(");

    private InputReference() {
    }

    /** The reference of {@code args} and of the declared input types they hold, in Markdown. */
    public static String markdown(List<Class<? extends DeclaredArgs>> args) {
        var text = new StringBuilder("# Component inputs\n\n")
                .append("Generated from the `@InputSpec` declarations of the components' Args (`InputReference`); do not edit:\n")
                .append("`InputReferenceTest` fails when this file and the declarations disagree, and writes the current text to\n")
                .append("`components/target/component-inputs.md`.\n");
        for (var type : withTheirTypes(args)) {
            text.append("\n## `").append(type.getSimpleName()).append("`\n\n")
                    .append("| Input | Type | Default | Allowed | Description |\n|---|---|---|---|---|\n");
            for (var input : Inputs.of(type)) {
                text.append("| `").append(input.name()).append("` | ").append(typeWord(input.type())).append(" | ")
                        .append(cell(input.defaultText())).append(" | ").append(cell(input.allowed())).append(" | ")
                        .append(cell(input.description())).append(" |\n");
            }
        }
        return text.toString();
    }

    /** {@code args} and the declared input types they hold (nested ones too), each once, in order of discovery. */
    public static Set<Class<?>> withTheirTypes(List<Class<? extends DeclaredArgs>> args) {
        var all = new LinkedHashSet<Class<?>>();
        args.forEach(a -> collect(a, all));
        return all;
    }

    /**
     * {@code source}, the Java source of the declared type {@code type} (or of the Args it extends), with the javadoc of
     * each setter of its {@code Builder} replaced by (or given) its input's {@link Inputs.Input#sentences()}, escaped for javadoc and
     * wrapped at 120 columns. Setters are found by name ({@link Inputs.Input#methodName()}).
     */
    public static String withSetterJavadoc(String source, Class<?> type) {
        var docs = new HashMap<String, String>();
        Inputs.of(type).forEach(i -> docs.put(i.methodName(), i.sentences()));
        var out = new ArrayList<String>();
        var inBuilder = false;
        for (var line : source.split("\n", -1)) {
            inBuilder |= line.matches("\\s+public (abstract )?static (final )?class Builder\\b.*");
            var setter = SETTER.matcher(line);
            if (inBuilder && setter.find() && docs.containsKey(setter.group(2))) {
                dropJavadocAndBlankLines(out);
                if (!out.get(out.size() - 1).strip().endsWith("{")) {
                    out.add("");
                }
                out.addAll(javadoc(setter.group(1), docs.get(setter.group(2))));
            }
            out.add(line);
        }
        return String.join("\n", out);
    }

    private static void dropJavadocAndBlankLines(List<String> lines) {
        if (lines.get(lines.size() - 1).strip().endsWith("*/")) {
            while (!lines.remove(lines.size() - 1).strip().startsWith("/**")) {
                // the comment's lines, up to its opening
            }
        }
        while (lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
    }

    private static List<String> javadoc(String indent, String text) {
        var escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;").replace("*/", "*&#47;");
        var lines = new ArrayList<>(List.of(indent + "/**"));
        var line = new StringBuilder();
        for (var word : escaped.split(" ")) {
            if (line.length() > 0 && indent.length() + 3 + line.length() + 1 + word.length() > 120) {
                lines.add(indent + " * " + line);
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(indent + " * " + line);
        lines.add(indent + " */");
        return lines;
    }

    private static void collect(Class<?> type, Set<Class<?>> all) {
        if (all.add(type)) {
            Inputs.of(type).forEach(i -> Inputs.declaredType(i).ifPresent(t -> collect(t, all)));
        }
    }

    /** A type in words: {@code integer}, {@code list of string}, {@code string (output)}, {@code list of Route}. */
    static String typeWord(Type type) {
        if (type instanceof ParameterizedType p) {
            var arguments = p.getActualTypeArguments();
            var last = typeWord(arguments[arguments.length - 1]);
            return switch (p.getRawType().getTypeName()) {
                case "com.pulumi.core.Output" -> last + " (output)";
                case "java.util.List" -> "list of " + last;
                case "java.util.Map" -> "map of " + last;
                default -> p.getRawType().getTypeName();
            };
        }
        var c = (Class<?>) type;
        return switch (c.getSimpleName()) {
            case "Integer" -> "integer";
            case "Boolean" -> "boolean";
            case "String" -> "string";
            case "Object" -> "any";
            default -> DeclaredArgs.class.isAssignableFrom(c) ? "[" + c.getSimpleName() + "](#" + c.getSimpleName().toLowerCase() + ")"
                    : c.getName().substring(c.getPackageName().length() + 1).replace('$', '.');
        };
    }

    private static String cell(String text) {
        return text.isEmpty() ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
