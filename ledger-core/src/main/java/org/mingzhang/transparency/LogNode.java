package org.mingzhang.transparency;

import java.util.Objects;

/**
 * The hash of one perfect, aligned subtree of the log: level 0 is leaf {@code index}'s hash; level {@code l} covers the
 * leaves {@code [index·2^l, (index+1)·2^l)}. Stored once the subtree is complete, and never changed.
 */
public record LogNode(Position position, byte[] hash) {

    /** Where a subtree sits: its level and its index among the subtrees of that level. */
    public record Position(int level, long index) {
        public Position {
            if (level < 0 || level > 62 || index < 0 || (level > 0 && index > (MerkleTree.SIZE_MAX >> level))) {
                throw new IllegalArgumentException("no subtree at level " + level + ", index " + index);
            }
        }
    }

    public LogNode {
        Objects.requireNonNull(position);
        if (hash == null || hash.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("a subtree's hash has " + MerkleTree.HASH_BYTES + " bytes");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogNode n && n.position.equals(position) && java.util.Arrays.equals(n.hash, hash);
    }

    @Override
    public int hashCode() {
        return position.hashCode() * 31 + java.util.Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "LogNode" + position + java.util.HexFormat.of().formatHex(hash);
    }
}
