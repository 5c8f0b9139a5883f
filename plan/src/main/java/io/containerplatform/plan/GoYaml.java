package io.containerplatform.plan;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A composed YAML node as the Pulumi CLI reads a stack file: {@code gopkg.in/yaml.v3} decoding into Go's {@code any}
 * (its {@code resolve.go}), as pulumi's {@code workspace.LoadProjectStackBytes} and {@code config.object.UnmarshalYAML}
 * ({@code sdk/go/common}) do for every config value before writing it as text or JSON. A plain
 * scalar is {@code true}/{@code false} (three spellings each), null ({@code ~}, {@code null}, empty), an integer as Go's
 * {@code strconv.ParseInt(text without "_", 0, 64)} reads it ({@code 0x10}, {@code 0o17}, {@code 0b11}, and the YAML 1.1
 * octal {@code 0755} = 493, which yaml.v3 keeps), a float, or else text: {@code yes}, {@code on} and dates stay text.
 * A quoted or block scalar is text.
 */
final class GoYaml {

    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GoYaml() {
    }

    /** {@code node} as maps (keys as text), lists, strings, booleans, numbers ({@link Long}, {@link BigInteger}, {@link BigDecimal}) and nulls. */
    static Object value(Node node) {
        if (node instanceof MappingNode mapping) {
            var map = new LinkedHashMap<String, Object>();
            mapping.getValue().forEach(t -> map.put(String.valueOf(value(t.getKeyNode())), value(t.getValueNode())));
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            var list = new ArrayList<>();
            sequence.getValue().forEach(item -> list.add(value(item)));
            return list;
        }
        var scalar = (ScalarNode) node;
        return scalar.getScalarStyle() == ScalarStyle.PLAIN ? resolve(scalar.getValue()) : scalar.getValue();
    }

    /** A plain scalar's value, as yaml.v3's {@code resolve} gives it to {@code any}. */
    static Object resolve(String text) {
        var known = Map.of("true", true, "True", true, "TRUE", true, "false", false, "False", false, "FALSE", false);
        if (known.containsKey(text)) {
            return known.get(text);
        }
        if (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null") || text.equals("NULL")) {
            return null;
        }
        char first = text.charAt(0);
        if (first == '.' && FLOAT.matcher(text).matches()) {
            return decimal(Double.parseDouble(text));
        }
        if (!Character.isDigit(first) && first != '-' && first != '+') {
            return text;
        }
        var plain = text.replace("_", "");
        var integer = parseInt(plain);
        if (integer != null && integer.bitLength() < 64) {
            return integer.longValueExact();
        }
        if (integer != null && integer.signum() > 0 && integer.compareTo(MAX_UINT64) <= 0) {
            return integer;
        }
        return FLOAT.matcher(plain).matches() ? decimal(Double.parseDouble(plain)) : text;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} before its range check: sign, then 0x, 0o, 0b or a leading 0 (octal). */
    private static BigInteger parseInt(String s) {
        var negative = s.startsWith("-");
        var digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        int radix = 10;
        var lower = digits.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x") || lower.startsWith("0o") || lower.startsWith("0b")) {
            radix = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'o' ? 8 : 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.startsWith("-") || digits.startsWith("+")) {
            return null;
        }
        try {
            var value = new BigInteger(digits, radix);
            return negative ? value.negate() : value;
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }

    /** A float as Go's {@code encoding/json} writes a {@code float64} in the range the config uses (shortest decimal). */
    private static BigDecimal decimal(double value) {
        var decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
}
