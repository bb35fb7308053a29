package org.mingzhang.transparency;

import java.util.Map;

/** A tree of {@code size} leaves over subtree hashes read from storage: asking for one that was not read is a bug. */
record StoredSubtrees(long size, Map<LogNode.Position, byte[]> hashes) implements MerkleTree.Subtrees {

    @Override
    public byte[] perfect(int level, long index) {
        byte[] hash = hashes.get(new LogNode.Position(level, index));
        if (hash == null) {
            throw new IllegalStateException("the stored log lacks the subtree at level " + level + ", index " + index);
        }
        return hash;
    }
}
