package org.mingzhang.transparency;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.Projection;
import org.mingzhang.journal.Transaction;

/**
 * Keeps the transparency log as the writer books: each transaction of a batch becomes the next leaf, its data the
 * transaction's chain hash, and the leaves with the subtrees they complete are written with the batch. In memory only the
 * frontier (at most 62 hashes); at start and after a failed batch it is read back from the stored subtrees, never from
 * the history. The leaf index is counted here, not derived from the transaction's id, which may skip.
 */
public final class LogProjection implements Projection {

    private final LogStore store;
    private LogFrontier frontier = LogFrontier.empty();

    public LogProjection(LogStore store) {
        this.store = store;
    }

    @Override
    public void reload() {
        if (!store.logBuilt()) {
            store.buildLog();
        }
        long size = store.size();
        List<LogNode.Position> positions = LogFrontier.positions(size);
        var hashes = store.hashes(positions);
        List<LogNode> subtrees = new ArrayList<>(positions.size());
        for (LogNode.Position p : positions) {
            byte[] hash = hashes.get(p);
            if (hash == null) {
                throw new IllegalStateException("the stored log of " + size + " leaves lacks its subtree " + p);
            }
            subtrees.add(new LogNode(p, hash));
        }
        frontier = LogFrontier.of(size, subtrees);
    }

    @Override
    public void flush(Books books) {
        List<Transaction> booked = books.bookedInBatch();
        if (booked.isEmpty()) {
            return;
        }
        List<LogAppended.Leaf> leaves = new ArrayList<>(booked.size());
        List<LogNode> nodes = new ArrayList<>(booked.size());
        for (Transaction t : booked) {
            frontier.append(HexFormat.of().parseHex(t.hash()), node -> {
                if (node.position().level() == 0) {
                    leaves.add(new LogAppended.Leaf(t.id(), node));
                } else {
                    nodes.add(node);
                }
            });
        }
        books.write(new LogAppended(leaves, nodes));
    }

    /** The number of leaves including this batch's so far (for tests). */
    long size() {
        return frontier.size();
    }

    /** The root over every leaf appended so far (for tests). */
    byte[] root() {
        return frontier.root();
    }
}
