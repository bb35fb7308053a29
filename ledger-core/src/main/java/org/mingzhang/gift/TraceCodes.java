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
