package org.mingzhang.transparency;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the log's origin line, its tree size in decimal and its
 * root hash in base64, each ending in a newline. It is the text of a signed note ({@link SignedNote}); other lines
 * (extensions) are not written, and a checkpoint carrying any is refused.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a checkpoint's origin is a non-empty line: " + origin);
        }
        if (size < 0 || size > MerkleTree.SIZE_MAX) {
            throw new IllegalArgumentException("a checkpoint's tree size is 0 to 2^62: " + size);
        }
        if (rootHash == null || rootHash.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("a checkpoint's root hash is 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The checkpoint as the text of a note. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** The checkpoint in a note's text; refuses anything that is not exactly origin, size and root hash. */
    public static Checkpoint parse(String text) {
        if (text == null || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        if (lines.size() != 3) {
            throw new IllegalArgumentException("a checkpoint has three lines (origin, size, root hash): " + lines.size());
        }
        String size = lines.get(1);
        if (!size.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("a checkpoint's size is a decimal number without leading zeros: " + size);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines.get(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint's root hash is base64: " + lines.get(2), e);
        }
        Checkpoint parsed = new Checkpoint(lines.get(0), Long.parseLong(size), root);
        if (!parsed.text().equals(text)) {
            throw new IllegalArgumentException("a checkpoint is written in one way only (standard base64 with padding)");
        }
        return parsed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.origin.equals(origin) && c.size == size && Arrays.equals(c.rootHash, rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return text();
    }
}
