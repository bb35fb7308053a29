package org.mingzhang.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * C2SP signed notes (https://c2sp.org/signed-note): a text ending in a newline, a blank line, then one signature line
 * per signer: em dash, space, the key's name, space, base64 of the 4-byte key ID and the Ed25519 signature of the text.
 * Opening a note verifies it against one trusted key; a note no trusted key signed is refused, whatever its text.
 */
public final class SignedNote {

    /** The longest note read: a checkpoint with a few signatures is a few hundred bytes. */
    public static final int NOTE_BYTES_MAX = 16_384;
    private static final String DASH = "\u2014 ";

    private SignedNote() {
    }

    /** A signature line as read: the signer's name, key ID and signature bytes. */
    public record Signature(String name, int keyId, byte[] signature) {
    }

    /** The note of {@code text} signed by {@code key}. */
    public static String sign(String text, NoteKey key) {
        requireText(text);
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] blob = ByteBuffer.allocate(4 + signature.length).putInt(key.keyId()).put(signature).array();
        return text + "\n" + DASH + key.name() + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /**
     * The text of the note, once a signature by {@code trusted} (same name, key ID and a valid signature) is found in
     * it; otherwise an {@link IllegalArgumentException} that says what is wrong.
     */
    public static String open(String note, NoteKey trusted) {
        if (note == null || note.getBytes(StandardCharsets.UTF_8).length > NOTE_BYTES_MAX) {
            throw new IllegalArgumentException("a signed note is at most " + NOTE_BYTES_MAX + " bytes");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note is a text, a blank line and signature lines");
        }
        String text = note.substring(0, split + 1);
        requireText(text);
        boolean signedByTrusted = false;
        for (Signature s : signatures(note.substring(split + 2))) {
            if (s.name().equals(trusted.name()) && s.keyId() == trusted.keyId()) {
                if (!trusted.verify(text.getBytes(StandardCharsets.UTF_8), s.signature())) {
                    throw new IllegalArgumentException("the signature of " + s.name() + " does not verify: the note was changed");
                }
                signedByTrusted = true;
            }
        }
        if (!signedByTrusted) {
            throw new IllegalArgumentException("the note carries no signature of " + trusted.name() + " ("
                    + "%08x".formatted(trusted.keyId()) + ")");
        }
        return text;
    }

    /** The signature lines of a note's signature block. */
    static List<Signature> signatures(String block) {
        List<Signature> out = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("a signature line starts with an em dash and a space: " + line);
            }
            String[] parts = line.substring(DASH.length()).split(" ", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a signature line is a name and a base64 signature: " + line);
            }
            NoteKey.requireName(parts[0]);
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a signature is base64: " + parts[1], e);
            }
            if (blob.length < 5) {
                throw new IllegalArgumentException("a signature holds a key ID and signature bytes: " + parts[1]);
            }
            ByteBuffer b = ByteBuffer.wrap(blob);
            int keyId = b.getInt();
            byte[] signature = new byte[b.remaining()];
            b.get(signature);
            out.add(new Signature(parts[0], keyId, signature));
        }
        return out;
    }

    /** A note's text: non-empty, ends in a newline, and holds no control character but newlines. */
    private static void requireText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n") || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note's text is UTF-8 ending in a newline, without control characters");
        }
    }
}
