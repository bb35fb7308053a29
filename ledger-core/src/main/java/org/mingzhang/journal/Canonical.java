package org.mingzhang.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An unambiguous encoding of a sequence of values: each value is written as its length, a colon and
 * its UTF-8 text, so no choice of memo or key can make two different sequences encode alike.
 * {@code null} is written as {@code -1:}. Instants are written as epoch microseconds.
 */
public final class Canonical {

    private final StringBuilder text = new StringBuilder(256);

    public Canonical add(String value) {
        if (value == null) {
            text.append("-1:");
        } else {
            text.append(value.length()).append(':').append(value);
        }
        return this;
    }

    public Canonical add(long value) {
        return add(Long.toString(value));
    }

    public Canonical add(Long value) {
        return add(value == null ? null : value.toString());
    }

    public Canonical add(boolean value) {
        return add(value ? "1" : "0");
    }

    public Canonical add(Instant value) {
        return add(value == null ? null : Long.toString(micros(value)));
    }

    /** An instant in epoch microseconds (sub-microsecond digits dropped), as this encoding writes it. */
    public static long micros(Instant value) {
        return Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1_000);
    }

    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
