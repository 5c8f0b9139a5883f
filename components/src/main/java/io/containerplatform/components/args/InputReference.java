package io.containerplatform.components.args;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference of components' inputs, written from their declarations alone: one table per Args (and per declared
 * input type they hold), each input with its type, whether it is required, its default, what is allowed and what it
 * is. The library's {@code docs/component-inputs.md} is this text, held equal to it by a test.
 */
public final class InputReference {

    private InputReference() {
    }

    /** The reference of {@code args} and of the declared input types they hold, in Markdown. */
    public static String markdown(List<Class<? extends DeclaredArgs>> args) {
        var all = new LinkedHashSet<Class<?>>();
        args.forEach(a -> collect(a, all));
        var text = new StringBuilder("# Component inputs\n\n")
                .append("Generated from the `@InputSpec` declarations of the components' Args (`InputReference`); do not edit:\n")
                .append("`InputReferenceTest` fails when this file and the declarations disagree, and writes the current text to\n")
                .append("`components/target/component-inputs.md`.\n");
        for (var type : all) {
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
