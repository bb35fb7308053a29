package org.mingzhang.journal;

import java.util.Set;

/**
 * The port through which the single writer reads its starting state and writes its batches. One
 * implementation per storage technology lives in {@code org.mingzhang.store}.
 */
public interface JournalStore extends AutoCloseable {

    /**
     * Claims the right to write (on PostgreSQL an advisory lock held for the store's life), so that two
     * service instances never run two writers against one database. Throws if another writer holds it.
     */
    void claimWriter();

    /** Everything the writer decides with: funds, accounts with their totals, open pending transfers, the chain head. */
    LedgerSnapshot load();

    /**
     * The transactions a batch of commands refers to, read in one round trip each, in the writer's transaction: the
     * transaction stays open for the batch's writes, and {@link #commit} ends both (or {@link #endBatchReads}).
     */
    Prefetch prefetch(Set<String> idempotencyKeys, Set<Long> transactionIds);

    /**
     * The request keys storage already keeps among these (caller, key) pairs, read in the writer's transaction like
     * {@link #prefetch}: what a batch of {@link KeyedCommand}s needs to answer repeats. A store that keeps none
     * refuses the call; the writer makes it only for a batch that holds a keyed command.
     */
    default java.util.Map<RequestKey.Scope, KeptRequest> keptRequests(Set<RequestKey.Scope> scopes) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no request keys");
    }

    /** Writes one batch in one database transaction: all of it or, if it throws, none of it. */
    void commit(WriteBatch batch);

    /**
     * Ends the transaction that a batch's reads ahead opened, for a batch that writes nothing (or failed before it
     * wrote): nothing of it is left open while the writer waits for the next batch. Does nothing when no reads are open.
     */
    default void endBatchReads() {
    }

    /** Releases the writer's claim and connection. */
    @Override
    void close();
}
