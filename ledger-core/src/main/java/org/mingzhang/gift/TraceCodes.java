package org.mingzhang.gift;

import java.security.SecureRandom;

/**
 * Trace codes for the public lookup: 12 characters of Crockford's base-32 alphabet (60 random bits from a
 * {@link SecureRandom}), written {@code XXXX-XXXX-XXXX}. One code says nothing about any other, and the
 * alphabet leaves out I, L, O and U so that a donor reading it off a receipt does not confuse characters.
 */
public final class TraceCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceCodes() {
    }

    /**
     * The code a donor typed, written as issued ({@code XXXX-XXXX-XXXX}): case, spaces and dashes do not matter, and the
     * letters Crockford's alphabet reads as digits (O as 0; I and L as 1) are read so. Empty when it cannot be a code.
     */
    public static java.util.Optional<String> normalized(String typed) {
        if (typed == null || typed.length() > 40) {
            return java.util.Optional.empty();
        }
        StringBuilder code = new StringBuilder(14);
        for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char d = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
            if (java.util.Arrays.binarySearch(ALPHABET, d) < 0 || code.length() == 14) {
                return java.util.Optional.empty();
            }
            code.append(d);
            if (code.length() == 4 || code.length() == 9) {
                code.append('-');
            }
        }
        return code.length() == 14 ? java.util.Optional.of(code.toString()) : java.util.Optional.empty();
    }

    public static String next() {
        long bits = RANDOM.nextLong();
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i == 4 || i == 8) {
                code.append('-');
            }
            code.append(ALPHABET[(int) (bits & 31)]);
            bits >>>= 5;
        }
        return code.toString();
    }
}
