package io.containerplatform.components.args;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The declared inputs of an Args class ({@link InputSpec} fields), read by reflection once per class. */
public final class Inputs {

    private static final Map<Class<?>, List<Input>> CACHE = new ConcurrentHashMap<>();

    private Inputs() {
    }

    /**
     * One declared input.
     *
     * @param name     its name ({@code @Import(name)}): the schema's property, the config key
     * @param required whether it must be given ({@code @Import(required)})
     * @param spec     its declaration
     * @param field    the field holding it
     * @param defaultValue the value it has when not given: the field's initial value (null for none)
     */
    public record Input(String name, boolean required, InputSpec spec, Field field, Object defaultValue) {

        /** The name of its builder setter and getter: its name with a lower-case first letter ({@code Effect}: {@code effect}). */
        public String methodName() {
            return Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }

        /** What the input is. */
        public String description() {
            return spec.value();
        }

        /**
         * What the input is, what is allowed and its default, in sentences: the package schema's description of the
         * input and the javadoc of its builder setter.
         */
        public String sentences() {
            var text = new StringBuilder(description()).append('.');
            if (!allowed().isEmpty()) {
                text.append(" Allowed: ").append(allowed()).append('.');
            }
            if (!required) {
                text.append(" Default: ").append(defaultText()).append('.');
            }
            return text.toString();
        }

        /** The field's generic type ({@code Integer}, {@code List<String>}, {@code Output<String>}, ...). */
        public Type type() {
            return field.getGenericType();
        }

        /** True for an {@code Output<T>}: its value may be unknown until the resources it comes from exist. */
        public boolean isOutput() {
            return field.getType() == Output.class;
        }

        /** What is allowed, in words: {@link InputSpec#allowed()}, else the {@code oneOf} values, else the bounds. */
        public String allowed() {
            if (!spec.allowed().isEmpty()) {
                return spec.allowed();
            }
            if (spec.oneOf().length > 0) {
                return "one of " + String.join(", ", spec.oneOf());
            }
            var min = spec.min() != Long.MIN_VALUE;
            var max = spec.max() != Long.MAX_VALUE;
            if (min && max) {
                return spec.min() + " to " + spec.max();
            }
            return min ? "at least " + spec.min() : max ? "at most " + spec.max() : "";
        }

        /** The default in words: {@link InputSpec#defaultText()}, else the initial value ({@code none} without one). */
        public String defaultText() {
            if (!spec.defaultText().isEmpty()) {
                return spec.defaultText();
            }
            if (defaultValue == null) {
                return required ? "required" : "none";
            }
            if (defaultValue instanceof Map<?, ?> map && map.isEmpty()) {
                return "{}";
            }
            return defaultValue.toString();
        }

        /** The input's value in {@code args}. */
        public Object valueIn(Object args) {
            return valueOf(field, args);
        }

        /** Sets the input's value in {@code args}: what builders and the program's config binding do. */
        public void setIn(Object args, Object value) {
            try {
                field.set(args, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The problems of {@code value} against the declaration alone (required, bounds, oneOf, format). */
        List<InputProblem> problems(Object value) {
            if (value == null) {
                return required ? List.of(new InputProblem(name, "missing", allowed()))
                        : List.of();
            }
            var result = new ArrayList<InputProblem>();
            if (value instanceof Number n && (n.longValue() < spec.min() || n.longValue() > spec.max())) {
                result.add(new InputProblem(name, n + " is out of range", allowed()));
            }
            var oneOf = List.of(spec.oneOf());
            if (!oneOf.isEmpty()) {
                Collection<?> values = value instanceof Collection<?> c ? c : List.of(value);
                values.stream().filter(v -> !oneOf.contains(String.valueOf(v)))
                        .forEach(v -> result.add(new InputProblem(name, "\"" + v + "\" is not allowed", allowed())));
            }
            spec.format().problems(value).forEach(p -> result.add(new InputProblem(name, p, allowed())));
            return result;
        }
    }

    /**
     * The declared inputs of {@code type}, in declaration order. Not {@code computeIfAbsent}: reading a type builds its
     * defaults, which may read another type (a default {@code MysqlSettings}), and a map cannot be updated from
     * inside its own update ("Recursive update").
     */
    public static List<Input> of(Class<?> type) {
        var inputs = CACHE.get(type);
        if (inputs == null) {
            inputs = read(type);
            CACHE.putIfAbsent(type, inputs);
        }
        return inputs;
    }

    /** The input {@code name} of {@code type}. */
    public static Input named(Class<?> type, String name) {
        return find(type, name).orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no input " + name));
    }

    /** The input {@code name} of {@code type}, if declared. */
    public static Optional<Input> find(Class<?> type, String name) {
        return of(type).stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Sets inputs of {@code args} by name: what a program does that reads Args from its own config. */
    public static void set(Object args, Map<String, ?> values) {
        values.forEach((name, value) -> named(args.getClass(), name).setIn(args, value));
    }

    /**
     * The problems of every input of {@code args} against its declaration, and every problem of the declared input
     * types it holds ({@code routes[0].port}, {@code backup.retentionDays}).
     */
    public static List<InputProblem> problems(Object args) {
        var result = new ArrayList<InputProblem>();
        for (var input : of(args.getClass())) {
            var value = input.valueIn(args);
            result.addAll(input.problems(value));
            nested(input.name(), value).forEach((where, nested) -> nested.problems()
                    .forEach(p -> result.add(new InputProblem(where + "." + p.input(), p.problem(), p.allowed()))));
        }
        return result;
    }

    /** The declared input types in {@code value}, by where they are: {@code name}, {@code name[i]}, {@code name.key}. */
    private static Map<String, DeclaredArgs> nested(String name, Object value) {
        var result = new LinkedHashMap<String, DeclaredArgs>();
        if (value instanceof DeclaredArgs args) {
            result.put(name, args);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof DeclaredArgs args) {
                    result.put(name + "[" + i + "]", args);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> {
                if (v instanceof DeclaredArgs args) {
                    result.put(name + "." + key, args);
                }
            });
        }
        return result;
    }

    /** The declared input type of {@code input} (the type of its value, or of each element of its list), if any. */
    public static Optional<Class<? extends DeclaredArgs>> declaredType(Input input) {
        var type = elementType(input.type());
        return type instanceof Class<?> c && DeclaredArgs.class.isAssignableFrom(c)
                ? Optional.of(c.asSubclass(DeclaredArgs.class)) : Optional.empty();
    }

    /** A copy of {@code args} whose collections are unmodifiable copies. */
    @SuppressWarnings("unchecked")
    public static <T> T copyOf(T args) {
        var copy = (T) newInstance(args.getClass());
        for (var input : of(args.getClass())) {
            input.setIn(copy, frozen(input.valueIn(args)));
        }
        return copy;
    }

    /** {@code value} unmodifiable: collections copied, declared input types (also in collections) copied so too. */
    private static Object frozen(Object value) {
        if (value instanceof DeclaredArgs args) {
            return copyOf(args);
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(list.stream().map(Inputs::frozen).toList());
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<Object, Object>();
            map.forEach((k, v) -> copy.put(k, frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        return value;
    }

    /** The values of the declared inputs of {@code args}, by name: what two Args are equal by. */
    static Map<String, Object> values(Object args) {
        var result = new LinkedHashMap<String, Object>();
        of(args.getClass()).forEach(i -> result.put(i.name(), i.valueIn(args)));
        return result;
    }

    private static List<Input> read(Class<?> type) {
        var instance = newInstance(type);
        var result = new ArrayList<Input>();
        for (Field field : declaredFields(type)) {
            var where = type.getSimpleName() + "." + field.getName();
            if (Modifier.isStatic(field.getModifiers())) {
                throw new IllegalStateException(where + " is static: Args hold only their inputs (the package schema reads every field)");
            }
            var spec = field.getAnnotation(InputSpec.class);
            var imported = field.getAnnotation(Import.class);
            if (spec == null || imported == null || imported.name().isEmpty()) {
                throw new IllegalStateException(where + " needs @Import(name = ...) and @InputSpec: every field of Args is a declared input");
            }
            field.setAccessible(true);
            result.add(new Input(imported.name(), imported.required(), spec, field, valueOf(field, instance)));
        }
        return List.copyOf(result);
    }

    /** The fields of {@code type} and of the Args it extends, the inherited ones first (as the package schema reads them). */
    private static List<Field> declaredFields(Class<?> type) {
        var fields = new ArrayList<Field>();
        for (Class<?> c = type; c != DeclaredArgs.class && c != Object.class; c = c.getSuperclass()) {
            fields.addAll(0, List.of(c.getDeclaredFields()));
        }
        return fields;
    }

    /** New Args of {@code type} holding every declared default, to be set input by input (Pulumi builds Args so too). */
    public static <T> T defaults(Class<T> type) {
        return type.cast(newInstance(type));
    }

    private static Object valueOf(Field field, Object args) {
        try {
            return field.get(args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object newInstance(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " needs a no-argument constructor (Pulumi builds Args with it)", e);
        }
    }

    /** The element type of a {@code List<T>} or value type of a {@code Map<String, T>} input, else the type itself. */
    public static Type elementType(Type type) {
        if (type instanceof ParameterizedType p) {
            var arguments = p.getActualTypeArguments();
            return arguments[arguments.length - 1];
        }
        return type;
    }
}
