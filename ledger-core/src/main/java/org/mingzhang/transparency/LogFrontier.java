package org.mingzhang.transparency;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The right edge of the log's tree: the perfect subtrees that cover its leaves, largest first, one per set bit of the
 * size (at most 62 hashes). Appending a leaf merges equal subtrees from the right, completing at most one subtree per
 * level; each completed one is handed out to be stored. The root of the whole tree folds the frontier from the right.
 * This is all the writer keeps of the log in memory, and all it reads back when it starts.
 */
public final class LogFrontier {

    private long size;
    /** The frontier's subtrees, largest (leftmost) first; levels strictly decreasing. */
    private final List<LogNode> subtrees;

    private LogFrontier(long size, List<LogNode> subtrees) {
        this.size = size;
        this.subtrees = new ArrayList<>(subtrees);
    }

    /** The subtrees a store must read to rebuild the frontier of a tree of {@code size} leaves, largest first. */
    public static List<LogNode.Position> positions(long size) {
        if (size < 0 || size > MerkleTree.SIZE_MAX) {
            throw new IllegalArgumentException("no log has " + size + " leaves");
        }
        List<LogNode.Position> positions = new ArrayList<>();
        long covered = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                positions.add(new LogNode.Position(level, covered >> level));
                covered += 1L << level;
            }
        }
        return positions;
    }

    /** The frontier of a tree of {@code size} leaves from its subtrees' hashes, as {@link #positions} names them. */
    public static LogFrontier of(long size, List<LogNode> subtrees) {
        List<LogNode.Position> expected = positions(size);
        List<LogNode.Position> given = subtrees.stream().map(LogNode::position).toList();
        if (!expected.equals(given)) {
            throw new IllegalStateException("the log of " + size + " leaves has the frontier " + expected + ", not " + given);
        }
        return new LogFrontier(size, subtrees);
    }

    public static LogFrontier empty() {
        return new LogFrontier(0, List.of());
    }

    public long size() {
        return size;
    }

    /**
     * Appends a leaf (its data: a transaction's chain hash) as leaf {@link #size()}; hands {@code completed} the leaf's
     * node and every larger subtree it completes, smallest first.
     */
    public void append(byte[] data, Consumer<LogNode> completed) {
        if (size == MerkleTree.SIZE_MAX) {
            throw new IllegalStateException("the log is full: " + size + " leaves");
        }
        LogNode node = new LogNode(new LogNode.Position(0, size), MerkleTree.leafHash(data));
        completed.accept(node);
        size++;
        // The new leaf merges with each equal subtree to its left, as the binary count carries.
        while (!subtrees.isEmpty() && subtrees.get(subtrees.size() - 1).position().level() == node.position().level()) {
            LogNode left = subtrees.remove(subtrees.size() - 1);
            int level = node.position().level() + 1;
            node = new LogNode(new LogNode.Position(level, left.position().index() >> 1),
                    MerkleTree.nodeHash(left.hash(), node.hash()));
            completed.accept(node);
        }
        subtrees.add(node);
    }

    /** The root of the tree of {@link #size()} leaves (the empty tree's for none). */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = subtrees.get(subtrees.size() - 1).hash();
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(subtrees.get(i).hash(), root);
        }
        return root;
    }
}
