package org.mingzhang.transparency;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The log as storage keeps it: its leaves and completed subtrees (written by the single writer with each batch, {@link
 * LogAppended}) and its published checkpoints. Every read is by key, so a proof costs O(log n) indexed reads.
 */
public interface LogStore {

    /**
     * The projection's name and version in {@code projection_built}. Version 2: the log kept in runs of leaves (V24),
     * built once from the journal over books whose log was kept before.
     */
    String NAME = "transparency-log";
    int VERSION = 2;

    /** Whether the log has been built over the journal (books from before it are built once, at start). */
    boolean logBuilt();

    /** Builds the log over every committed transaction in id order, writes its rows and marks it built, at once. */
    void buildLog();

    /** The number of leaves committed. */
    long size();

    /** The stored hashes of these subtrees (each must be complete within {@link #size()}). */
    Map<LogNode.Position, byte[]> hashes(Collection<LogNode.Position> positions);

    /** The leaves {@code [from, to)}: a range of leaf indexes. */
    record LeafRange(long from, long to) {
        public LeafRange {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("no range of leaves [" + from + ", " + to + ")");
            }
        }
    }

    /** The leaf hashes in these ranges (each within {@link #size()}), by leaf index, in one read. */
    Map<Long, byte[]> leafHashes(List<LeafRange> ranges);

    /** The root of the first {@code size} leaves (at most {@link #size()}), from the O(log n) subtrees that cover them. */
    default byte[] root(long size) {
        return MerkleTree.root(new StoredSubtrees(size, hashes(LogFrontier.positions(size))), size);
    }

    /** The leaf of a transaction, if the log holds it. */
    OptionalLong leafIndex(long transactionId);

    Optional<PublishedCheckpoint> latestCheckpoint();

    Optional<PublishedCheckpoint> checkpoint(long treeSize);

    /** Keeps a checkpoint; false (and nothing written) when one of that size is kept already. */
    boolean addCheckpoint(PublishedCheckpoint checkpoint);
}
