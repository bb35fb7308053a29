package org.mingzhang.disclosure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Document numbers: "MZ", the kind's letter and 80 bits of the SHA-256 of what the document shows, in Crockford's
 * base 32 in four groups (MZC-7K3M-Q9TZ-4H1D-8WXA). The same content gives the same number; different content a different
 * one, short of a collision among 2^80. Crockford's alphabet has no I, L, O or U, so a number read aloud or typed from
 * paper is not misread.
 */
public final class DocumentNumbers {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORM = Pattern.compile("MZ[PCD]-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");

    private DocumentNumbers() {
    }

    /** The number of a document of this kind whose content (chain head included) hashes to {@code digest}. */
    public static String of(DocumentKind kind, byte[] digest) {
        if (digest.length < 10) {
            throw new IllegalArgumentException("a document number takes 80 bits of a digest: " + digest.length + " bytes");
        }
        StringBuilder out = new StringBuilder("MZ").append(kind.numberPrefix());
        // 80 bits make 16 characters of 5 bits each.
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (digest[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (digest[i] & 0xff);
        }
        for (int half = 0; half < 2; half++) {
            long bits = half == 0 ? high : low;
            for (int c = 7; c >= 0; c--) {
                int index = half * 8 + (7 - c);
                if (index % 4 == 0) {
                    out.append('-');
                }
                out.append(CROCKFORD[(int) ((bits >>> (c * 5)) & 31)]);
            }
        }
        return out.toString();
    }

    /** Whether {@code number} has the form of a document number (not whether one was issued). */
    public static boolean wellFormed(String number) {
        return number != null && FORM.matcher(number).matches();
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
