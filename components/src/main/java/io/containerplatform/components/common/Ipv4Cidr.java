package io.containerplatform.components.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 CIDR block such as {@code 10.0.0.0/16}, parsed strictly: four decimal octets 0-255,
 * a prefix 0-32, and no host bits set.
 *
 * @param address the network address as an unsigned 32-bit value
 * @param prefix  the prefix length, 0 to 32
 */
public record Ipv4Cidr(long address, int prefix) {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** Parses {@code text}; empty when it is not an IPv4 CIDR or has host bits set. */
    public static Optional<Ipv4Cidr> parse(String text) {
        var m = SHAPE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32 || (address & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Cidr(address, prefix));
    }

    /** Like {@link #parse} but throws {@link IllegalArgumentException} naming {@code field}. */
    public static Ipv4Cidr require(String field, String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                field + ": \"" + text + "\" is not an IPv4 CIDR block (a.b.c.d/n, no host bits set)"));
    }

    /**
     * The {@code index}-th block of prefix {@code prefix + extraBits} inside this one, as Terraform's
     * {@code cidrsubnet(cidr, extraBits, index)}.
     */
    public Ipv4Cidr subnet(int extraBits, int index) {
        int newPrefix = prefix + extraBits;
        if (extraBits < 0 || newPrefix > 32) {
            throw new IllegalArgumentException("cannot carve /" + newPrefix + " out of " + this);
        }
        if (index < 0 || index >= (1L << extraBits)) {
            throw new IllegalArgumentException("index " + index + " does not fit " + extraBits + " extra bits of " + this);
        }
        return new Ipv4Cidr(address | ((long) index << (32 - newPrefix)), newPrefix);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    @Override
    public String toString() {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255) + "/" + prefix;
    }
}
