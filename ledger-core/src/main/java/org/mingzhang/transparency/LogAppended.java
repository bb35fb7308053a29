package org.mingzhang.transparency;

import java.util.List;
import org.mingzhang.journal.BatchRecord;

/**
 * What one batch adds to the log: a leaf per transaction it booked (in id order) and every perfect subtree those leaves
 * completed. Written in the batch's database transaction, so the log and the journal never disagree.
 *
 * @param leaves the level-0 nodes, each with the transaction it is the leaf of
 * @param nodes the completed subtrees of level 1 and above
 */
public record LogAppended(List<Leaf> leaves, List<LogNode> nodes) implements BatchRecord {

    /** Leaf {@code node.position().index()} of the log: the transaction whose chain hash it hashes. */
    public record Leaf(long transactionId, LogNode node) {
        public Leaf {
            if (node.position().level() != 0) {
                throw new IllegalArgumentException("a leaf is a level-0 node: " + node.position());
            }
        }
    }

    public LogAppended {
        leaves = List.copyOf(leaves);
        nodes = List.copyOf(nodes);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
