package org.mingzhang.journal;

/**
 * A checkpoint of the hash chain, written by the single writer in the same database transaction as the transaction it
 * names and never changed: the hash the chain had reached at that transaction and how many transactions the chain then
 * held. A verification may start from the last checkpoint instead of the first transaction; a full one checks that
 * every checkpoint agrees with the chain it recomputes.
 *
 * @param transactionCount the transactions in the chain up to and including {@code transactionId}
 */
public record ChainCheckpoint(long transactionId, String hash, long transactionCount) {

    /** How many transactions lie between two checkpoints unless the writer's settings say otherwise. */
    public static final int TRANSACTIONS_PER_CHECKPOINT_DEFAULT = 1_000;
    /**
     * The most transactions between two checkpoints: a verification from the last checkpoint rehashes fewer than this
     * many, which keeps it quick however long the journal grows.
     */
    public static final int TRANSACTIONS_PER_CHECKPOINT_MAX = 1_000_000;

    public ChainCheckpoint {
        if (transactionId < 1 || transactionCount < 1 || hash == null || hash.length() != ChainHash.GENESIS.length()) {
            throw new IllegalArgumentException("a checkpoint names a transaction, its 64-character hash and a positive count: "
                    + transactionId + "/" + hash + "/" + transactionCount);
        }
    }
}
