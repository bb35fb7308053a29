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

    /** The transactions a batch of commands refers to, read in one round trip each. */
    Prefetch prefetch(Set<String> idempotencyKeys, Set<Long> transactionIds);

    /** Writes one batch in one database transaction: all of it or, if it throws, none of it. */
    void commit(WriteBatch batch);

    /** Releases the writer's claim and connection. */
    @Override
    void close();
}
