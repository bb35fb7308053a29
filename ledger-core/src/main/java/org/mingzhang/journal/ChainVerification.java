package org.mingzhang.journal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The result of recomputing the hash chain. A <em>full</em> verification rehashes every transaction from the first and
 * checks every {@link ChainCheckpoint} against the chain; a verification <em>from the last checkpoint</em> checks that
 * checkpoint's hash against its transaction's stored row (and rehashes that row), then rehashes only what came after
 * it, so its work stays under the distance between two checkpoints however long the journal grows. Without a
 * checkpoint yet, it starts at the first transaction.
 *
 * <p>A checkpoint agrees with the chain when its transaction is in the chain, its hash is that transaction's stored hash
 * and its count is the number of transactions up to it. One that disagrees while every link holds says that the chain
 * was rewritten consistently at or before its transaction: only the checkpoint still remembers the old hash.
 *
 * @param transactions the transactions in the chain up to its head; from a checkpoint, those it counts plus those after it
 * @param headHash the hash of the last transaction ({@link ChainHash#GENESIS} for an empty journal)
 * @param firstBrokenTransactionId the first transaction whose stored hash or link does not match; null when none
 * @param full true when the whole journal was rehashed from its first transaction
 * @param fromTransactionId the first transaction rehashed: the journal's first, or the last checkpoint's; null when empty
 * @param transactionsRehashed how many transactions' hashes were recomputed
 * @param checkpoints how many checkpoints were checked: every one in full, else the last one (none before the first)
 * @param firstBrokenCheckpointId the transaction id of the first checkpoint that disagrees with the chain; null when none
 */
public record ChainVerification(boolean ok, long transactions, String headHash, Long firstBrokenTransactionId,
                                boolean full, Long fromTransactionId, long transactionsRehashed, long checkpoints,
                                Long firstBrokenCheckpointId) {

    /** How many checkpoints a full verification reads at a time. */
    static final int CHECKPOINTS_PER_READ_MAX = 1_000;

    /** The full verification: every transaction rehashed in order, every link and every checkpoint checked. */
    public static ChainVerification verify(LedgerReads reads) {
        return full(reads);
    }

    /** Rehashes every transaction from the first and checks every checkpoint against the recomputed chain. */
    public static ChainVerification full(LedgerReads reads) {
        Walk walk = new Walk(ChainHash.GENESIS, 0);
        Deque<ChainCheckpoint> due = new ArrayDeque<>();
        var read = new Object() {
            long through;
            boolean all;
        };
        reads.forEachTransaction(0, t -> {
            walk.rehash(t);
            // Checkpoints are read a page at a time as the walk reaches them. Each commits with its transaction, so one
            // read here names only transactions that the walk, which reads on until it finds no more, will still reach.
            if (due.isEmpty() && !read.all) {
                List<ChainCheckpoint> page = reads.checkpoints(read.through, CHECKPOINTS_PER_READ_MAX);
                due.addAll(page);
                read.through = page.isEmpty() ? read.through : page.get(page.size() - 1).transactionId();
                read.all = page.size() < CHECKPOINTS_PER_READ_MAX;
            }
            while (!due.isEmpty() && due.peek().transactionId() <= t.id()) {
                walk.check(due.poll(), t);
            }
        });
        // A checkpoint left over names a transaction the chain does not hold.
        due.forEach(c -> walk.check(c, null));
        return walk.result(true);
    }

    /**
     * Checks the last checkpoint against its transaction's stored row, rehashes that row, then rehashes every
     * transaction after it; from the first transaction when there is no checkpoint yet.
     */
    public static ChainVerification fromLastCheckpoint(LedgerReads reads) {
        Optional<ChainCheckpoint> last = reads.lastCheckpoint();
        if (last.isEmpty()) {
            Walk walk = new Walk(ChainHash.GENESIS, 0);
            reads.forEachTransaction(0, walk::rehash);
            return walk.result(false);
        }
        ChainCheckpoint checkpoint = last.get();
        Optional<Transaction> at = reads.transaction(checkpoint.transactionId());
        Walk walk;
        if (at.isEmpty()) {
            walk = new Walk(checkpoint.hash(), checkpoint.transactionCount());
            walk.check(checkpoint, null);
        } else {
            Transaction t = at.get();
            walk = new Walk(t.prevHash(), checkpoint.transactionCount() - 1);
            // Its link to the transaction before it is taken on trust: that is what the checkpoint vouches for.
            walk.rehash(t);
            walk.check(checkpoint, t);
        }
        reads.forEachTransaction(checkpoint.transactionId(), walk::rehash);
        return walk.result(false);
    }

    /** The state of one pass along the chain. */
    private static final class Walk {
        private String head;
        private long count;
        private long rehashed;
        private long checked;
        private Long first;
        private Long broken;
        private Long brokenCheckpoint;

        Walk(String head, long count) {
            this.head = head;
            this.count = count;
        }

        void rehash(Transaction t) {
            count++;
            rehashed++;
            if (first == null) {
                first = t.id();
            }
            if (broken == null && (!t.prevHash().equals(head) || !ChainHash.of(t).equals(t.hash()))) {
                broken = t.id();
            }
            head = t.hash();
        }

        /** @param t the transaction the checkpoint names, just rehashed; null when the chain has none with its id */
        void check(ChainCheckpoint checkpoint, Transaction t) {
            checked++;
            boolean agrees = t != null && t.id() == checkpoint.transactionId() && t.hash().equals(checkpoint.hash())
                    && count == checkpoint.transactionCount();
            if (!agrees && brokenCheckpoint == null) {
                brokenCheckpoint = checkpoint.transactionId();
            }
        }

        ChainVerification result(boolean full) {
            return new ChainVerification(broken == null && brokenCheckpoint == null, count, head, broken, full, first, rehashed,
                    checked, brokenCheckpoint);
        }
    }
}
