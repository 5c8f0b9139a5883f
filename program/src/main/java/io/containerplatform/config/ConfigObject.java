package io.containerplatform.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.Inputs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed reads of one config object, collecting errors instead of throwing. Every error names the key
 * with its path ({@code network.cidr}), shows the bad value and says what is allowed. Keys that were
 * never read are reported by {@link #rejectUnknownKeys()}, so typos do not pass silently.
 */
public final class ConfigObject {

    private final String path;
    private final JsonObject json;
    private final List<String> errors;
    private final Set<String> known = new LinkedHashSet<>();
    /** Every key path read, in this object and those under it (what the README's config reference must list). */
    private final Set<String> read;
    /** The default taken for each key path that was absent, as the config would spell it. */
    private final Map<String, String> defaults;

    ConfigObject(String path, JsonObject json, List<String> errors) {
        this(path, json, errors, new LinkedHashSet<>(), new java.util.TreeMap<>());
    }

    private ConfigObject(String path, JsonObject json, List<String> errors, Set<String> read, Map<String, String> defaults) {
        this.path = path;
        this.json = json;
        this.errors = errors;
        this.read = read;
        this.defaults = defaults;
    }

    private ConfigObject child(String childPath, JsonObject childJson) {
        return new ConfigObject(childPath, childJson, errors, read, defaults);
    }

    /** The path of every key read so far in this object and the objects under it. */
    Set<String> keysRead() {
        return java.util.Collections.unmodifiableSet(read);
    }

    /** The defaults taken so far, in this object and the objects under it, by key path. */
    Map<String, String> defaultsTaken() {
        return java.util.Collections.unmodifiableMap(defaults);
    }

    /** {@code fallback}, recorded as the default of {@code key} when the key is absent. */
    private <T> T fallback(String key, T fallback, String spelled) {
        if (!json.has(key) || json.get(key).isJsonNull()) {
            defaults.put(keyPath(key), spelled);
        }
        return fallback;
    }

    private void note(String key) {
        known.add(key);
        read.add(keyPath(key));
    }

    /** The full path of {@code key} inside this object. */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** How many problems were recorded so far, in the whole config (to tell whether a read added one). */
    int errorCount() {
        return errors.size();
    }

    /** Records a problem with {@code key}: {@code <path>: <problem>; allowed: <allowed>}. */
    public void error(String key, String problem, String allowed) {
        errors.add(keyPath(key) + ": " + problem + "; allowed: " + allowed);
    }

    private Optional<JsonElement> raw(String key) {
        note(key);
        var value = json.get(key);
        return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
    }

    /** True when {@code key} is set. */
    public boolean has(String key) {
        note(key);
        return json.has(key) && !json.get(key).isJsonNull();
    }

    /** A required non-blank string. */
    public String requiredString(String key, String allowed) {
        var value = raw(key);
        if (value.isEmpty()) {
            error(key, "missing", allowed);
            return "";
        }
        return asString(key, value.get(), allowed).orElse("");
    }

    /**
     * Why {@code value} is not a string; a number or a boolean is YAML reading unquoted text (unquoted {@code 1.30} is
     * the number 1.3), so the message says to quote it.
     */
    private static String notAString(JsonElement value) {
        if (!value.isJsonPrimitive()) {
            return show(value) + " is not a string";
        }
        var number = value.getAsJsonPrimitive().isNumber();
        var text = value.getAsString();
        return show(value) + " is a " + (number ? "number" : "boolean") + ", not text: write it quoted, \"" + text + "\""
                + (number && text.contains(".") ? " (quoted as you wrote it: unquoted, 1.30 is read as 1.3)" : "");
    }

    /**
     * The text of an unquoted YAML number when it is one of {@code oneOf} ({@code eks.version: 1.33}): Pulumi hands it
     * over as the JSON number {@code 1.33}, whose text is the choice. A number whose text is not a choice (unquoted
     * {@code 1.30} reaches the program as 1.3) stays an error that says to quote it.
     */
    private static Optional<String> unquotedChoice(JsonElement value, List<String> oneOf) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() && oneOf.contains(value.getAsString())
                ? Optional.of(value.getAsString()) : Optional.empty();
    }

    private Optional<String> asString(String key, JsonElement value, String allowed) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            error(key, notAString(value), allowed);
            return Optional.empty();
        }
        var text = value.getAsString();
        if (text.isBlank()) {
            error(key, "is empty", allowed);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** An optional integer in {@code min..max}, {@code fallback} when absent or invalid. */
    public int integer(String key, int fallback, int min, int max) {
        var value = raw(key);
        if (value.isEmpty()) {
            return fallback(key, fallback, String.valueOf(fallback));
        }
        return inRange(key, value.get(), fallback, min, max, "an integer from " + min + " to " + max);
    }

    /** The integer {@code value} of {@code key} if it is one in {@code min..max}, else {@code fallback}, the error recorded. */
    private Integer inRange(String key, JsonElement value, Integer fallback, long min, long max, String allowed) {
        var number = asInteger(key, value, allowed);
        if (number.isPresent() && (number.get() < min || number.get() > max)) {
            error(key, number.get() + " is out of range", allowed);
            return fallback;
        }
        return number.orElse(fallback);
    }

    /** An optional decimal number in {@code min..max}; empty when absent or invalid. */
    public Optional<Double> number(String key, double min, double max) {
        var allowed = "a number from " + plain(min) + " to " + plain(max);
        var value = raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isJsonPrimitive() || !value.get().getAsJsonPrimitive().isNumber()) {
            error(key, show(value.get()) + " is not a number", allowed);
            return Optional.empty();
        }
        var number = value.get().getAsDouble();
        if (number < min || number > max) {
            error(key, value.get().getAsString() + " is out of range", allowed);
            return Optional.empty();
        }
        return Optional.of(number);
    }

    private static String plain(double number) {
        return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
    }

    private Optional<Integer> asInteger(String key, JsonElement value, String allowed) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            var number = new BigDecimal(value.getAsString());
            try {
                return Optional.of(number.intValueExact());
            } catch (ArithmeticException notWhole) {
                error(key, value.getAsString() + " is not a whole number", allowed);
                return Optional.empty();
            }
        }
        error(key, show(value) + " is not an integer", allowed);
        return Optional.empty();
    }

    /** An optional boolean, {@code fallback} when absent or invalid. */
    public boolean bool(String key, boolean fallback) {
        var value = raw(key);
        if (value.isEmpty()) {
            return fallback(key, fallback, String.valueOf(fallback));
        }
        if (value.get().isJsonPrimitive() && value.get().getAsJsonPrimitive().isBoolean()) {
            return value.get().getAsBoolean();
        }
        error(key, show(value.get()) + " is not a boolean", "true or false");
        return fallback;
    }

    /** An optional choice among {@code choices} (config spelling to value), {@code fallback} when absent or invalid. */
    public <E> E oneOf(String key, E fallback, Map<String, E> choices) {
        var allowed = String.join(", ", choices.keySet());
        var value = raw(key).flatMap(v -> asString(key, v, allowed));
        if (value.isEmpty()) {
            var spelled = choices.entrySet().stream().filter(e -> e.getValue().equals(fallback)).map(Map.Entry::getKey).findFirst();
            return fallback(key, fallback, spelled.orElse(String.valueOf(fallback)));
        }
        var choice = choices.get(value.get());
        if (choice == null) {
            error(key, show(new JsonPrimitive(value.get())) + " is not a known value", allowed);
            return fallback;
        }
        return choice;
    }

    /** An optional list of strings each checked by {@code check} (an error text, or empty when fine). */
    public List<String> stringList(String key, List<String> fallback, String allowed, Function<String, Optional<String>> check) {
        var value = raw(key);
        if (value.isEmpty()) {
            return fallback(key, fallback, fallback.toString());
        }
        if (!value.get().isJsonArray()) {
            error(key, show(value.get()) + " is not a list", "a list of " + allowed);
            return fallback;
        }
        var items = new ArrayList<String>();
        var array = value.get().getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            var itemKey = key + "[" + i + "]";
            var item = asString(itemKey, array.get(i), allowed);
            item.ifPresent(text -> check.apply(text).ifPresentOrElse(problem -> error(itemKey, problem, allowed), () -> {
                if (items.contains(text)) {
                    error(itemKey, "\"" + text + "\" is listed twice", "each value once");
                } else {
                    items.add(text);
                }
            }));
        }
        return List.copyOf(items);
    }

    /**
     * The keys of a feature to bind ({@link #bind}): all of {@code keys} when it is {@code enabled}; otherwise those of
     * {@code requiredWhenEnabled} that are not set are left out (an off feature needs none of them; one that is set is
     * still read and checked), and every key stays a known key.
     */
    public List<String> keysOf(boolean enabled, List<String> keys, List<String> requiredWhenEnabled) {
        return enabled ? keys : keys.stream().filter(k -> !requiredWhenEnabled.contains(k) || has(k)).toList();
    }

    /**
     * Sets the inputs {@code names} of {@code args} from the keys of the same names ({@link #input}), then reports the
     * Args' own rules about them ({@code min <= desired <= max}, formats) at their keys, each unless it involves a key
     * already in error ({@link #involves}): that key's default then stands in for it, and the rule would be an invented
     * second error. The other rules are reported, so every problem shows at once. {@code overrides} are the program's
     * defaults that differ from the declared ones (per environment).
     */
    public <A extends DeclaredArgs> A bind(A args, Map<String, Object> overrides, List<String> names) {
        var before = errors.size();
        for (var name : names) {
            var input = Inputs.named(args.getClass(), name);
            input.setIn(args, input(input, overrides.containsKey(name) ? overrides.get(name) : input.valueIn(args)));
        }
        var prefix = keyPath("");
        var inError = errors.subList(before, errors.size()).stream().filter(e -> e.startsWith(prefix))
                .map(e -> e.substring(prefix.length(), e.indexOf(": "))).toList();
        args.ruleProblems().stream().filter(p -> names.contains(p.input().split("[.\\[]")[0]))
                .filter(p -> inError.stream().noneMatch(key -> involves(p, key)))
                .forEach(p -> error(p.input(), p.problem(), p.allowed()));
        return args;
    }

    /**
     * Whether the rule problem {@code p} involves {@code key} (a key path inside the Args): it is at that key, inside it
     * or around it ({@code schedules} around {@code schedules[0].name}), or its words name that input of the Args
     * (a rule names the inputs it compares: {@code is greater than maxCount 3}).
     */
    private static boolean involves(InputProblem p, String key) {
        var at = p.input();
        return at.equals(key) || at.startsWith(key + ".") || at.startsWith(key + "[") || key.startsWith(at + ".") || key.startsWith(at + "[")
                || key.matches("\\w+") && java.util.regex.Pattern.compile("\\b" + key + "\\b").matcher(p.problem()).find();
    }

    /**
     * The value of a component's declared input under its own name, or {@code fallback} when absent or invalid: the
     * declaration gives the key, its type (integer, boolean, string, list or map of strings), bounds, allowed values and
     * the words of its errors. {@code fallback} is the declared default unless the program overrides it (per
     * environment); a null fallback is recorded as the declaration's default in words ({@code desiredCount}).
     */
    public Object input(Inputs.Input input, Object fallback) {
        var declared = Inputs.declaredType(input);
        if (declared.isPresent()) {
            return input.type() instanceof Class<?> ? declaredObject(input.name(), declared.get(), (DeclaredArgs) fallback)
                    : declaredList(input.name(), declared.get(), (List<?>) fallback);
        }
        var key = input.name();
        var allowed = input.allowed();
        var spelled = fallback == null ? input.defaultText() : fallback instanceof Map<?, ?> m && m.isEmpty() ? "{}" : String.valueOf(fallback);
        var value = raw(key);
        if (value.isEmpty()) {
            if (input.required() && fallback == null) {
                error(key, "missing", allowed);
            }
            return fallback(key, fallback, spelled);
        }
        var type = input.type();
        var oneOf = List.of(input.spec().oneOf());
        var format = input.spec().format();
        java.util.function.Function<String, Optional<String>> check = text -> oneOf.isEmpty() || oneOf.contains(text)
                ? format.problems(text).stream().findFirst() : Optional.of("\"" + text + "\" is not allowed");
        if (type == Integer.class) {
            var number = inRange(key, value.get(), (Integer) fallback, input.spec().min(), input.spec().max(), allowed);
            var problem = number == null ? Optional.<String>empty() : format.problems(number).stream().findFirst();
            problem.ifPresent(p -> error(key, p, allowed));
            return problem.isEmpty() ? number : fallback;
        }
        if (type == Boolean.class) {
            return bool(key, (Boolean) fallback);
        }
        if (type == String.class) {
            var number = unquotedChoice(value.get(), oneOf);
            if (number.isPresent()) {
                return number.get();
            }
            var text = asString(key, value.get(), allowed);
            var problem = text.flatMap(check);
            problem.ifPresent(p -> error(key, p, allowed));
            return text.isPresent() && problem.isEmpty() ? text.get() : fallback;
        }
        if (type.getTypeName().equals("java.util.List<java.lang.String>")) {
            @SuppressWarnings("unchecked") var list = stringList(key, (List<String>) fallback, allowed, check);
            return list;
        }
        if (type.getTypeName().equals("java.util.Map<java.lang.String, java.lang.String>")) {
            return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(stringMap(key, allowed,
                    (k, v) -> format.problems(Map.of(k, v)).stream().findFirst())));
        }
        throw new IllegalArgumentException(input.name() + " (" + type.getTypeName() + ") is not an input config can set");
    }

    /**
     * A declared input type under {@code key} ({@code eks.backup}): each of its keys bound through its declarations,
     * starting from {@code fallback}'s values (or the type's defaults); {@code fallback} when absent or not an object.
     */
    private DeclaredArgs declaredObject(String key, Class<? extends DeclaredArgs> type, DeclaredArgs fallback) {
        var value = object(key);
        if (value.isEmpty()) {
            return fallback(key, fallback, fallback == null ? "none" : fallback.toString());
        }
        return value.get().bindAll(fallback == null ? Inputs.defaults(type) : Inputs.copyOf(fallback));
    }

    /** A list of a declared input type under {@code key} ({@code eks.nodeGroups}), each item bound through its declarations. */
    private List<?> declaredList(String key, Class<? extends DeclaredArgs> type, List<?> fallback) {
        var items = objectList(key);
        if (items == null) {
            return fallback(key, fallback, String.valueOf(fallback));
        }
        return items.stream().map(item -> item.bindAll(Inputs.defaults(type))).toList();
    }

    /** Binds every input of {@code args} from this object's keys, then rejects the keys that are none of them. */
    private DeclaredArgs bindAll(DeclaredArgs args) {
        bind(args, Map.of(), Inputs.of(args.getClass()).stream().map(Inputs.Input::name).toList());
        rejectUnknownKeys();
        return args;
    }

    /** An optional map of strings to strings, each entry checked by {@code check}; empty when absent. */
    public Map<String, String> stringMap(String key, String allowed, java.util.function.BiFunction<String, String, Optional<String>> check) {
        var value = raw(key);
        var result = new LinkedHashMap<String, String>();
        if (value.isEmpty()) {
            return result;
        }
        if (!value.get().isJsonObject()) {
            error(key, show(value.get()) + " is not a map", allowed);
            return result;
        }
        for (var entry : value.get().getAsJsonObject().entrySet()) {
            var entryKey = key + "." + entry.getKey();
            var v = entry.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                error(entryKey, notAString(v), allowed);
                continue;
            }
            var problem = check.apply(entry.getKey(), v.getAsString());
            if (problem.isPresent()) {
                error(entryKey, problem.get(), allowed);
            } else {
                result.put(entry.getKey(), v.getAsString());
            }
        }
        return result;
    }

    /** A list of nested objects ({@code key[0]}, {@code key[1]}...); {@code null} when absent, empty on errors. */
    public List<ConfigObject> objectList(String key) {
        var value = raw(key);
        if (value.isEmpty()) {
            return null;
        }
        if (!value.get().isJsonArray()) {
            error(key, show(value.get()) + " is not a list", "a list of objects");
            return List.of();
        }
        var items = new ArrayList<ConfigObject>();
        var array = value.get().getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isJsonObject()) {
                items.add(child(keyPath(key) + "[" + i + "]", array.get(i).getAsJsonObject()));
            } else {
                error(key + "[" + i + "]", show(array.get(i)) + " is not an object", "an object of keys and values");
            }
        }
        return items;
    }

    /** A nested object; empty when absent (or, with an error, when not an object). */
    public Optional<ConfigObject> object(String key) {
        var value = raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isJsonObject()) {
            error(key, show(value.get()) + " is not an object", "an object of keys and values");
            return Optional.empty();
        }
        return Optional.of(child(keyPath(key), value.get().getAsJsonObject()));
    }

    /** A nested object, or an empty one (all defaults) when absent. */
    public ConfigObject objectOrEmpty(String key) {
        return object(key).orElseGet(() -> child(keyPath(key), new JsonObject()));
    }

    /** The keys this object has, whether read or not (for maps keyed by name). */
    public java.util.Set<String> keys() {
        return new java.util.TreeSet<>(json.keySet());
    }

    /** Reports every key of this object that no read asked for. Call after reading all keys. */
    public void rejectUnknownKeys() {
        rejectUnknownKeys(key -> "");
    }

    /**
     * Reports every key of this object that no read asked for, adding {@code textHint} of the key after the allowed keys
     * when its value is text (not an object or a list, which Pulumi passes as JSON text). Call after reading all keys.
     */
    public void rejectUnknownKeys(Function<String, String> textHint) {
        for (var key : json.keySet()) {
            if (!known.contains(key)) {
                var value = json.get(key);
                var text = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() && !value.getAsString().strip().matches("[\\[{].*");
                errors.add(keyPath(key) + ": unknown key; allowed keys: " + String.join(", ", new TreeSet<>(known))
                        + (text ? textHint.apply(key) : ""));
            }
        }
    }

    /** A value as the user wrote it, for error messages; long values are cut. */
    static String show(JsonElement value) {
        var text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
