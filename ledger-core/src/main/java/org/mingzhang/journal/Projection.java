package org.mingzhang.journal;

import java.util.List;

/**
 * A part of the writer's state that follows what is booked and keeps figures for the read side (a project's money,
 * its match base, what it raised by channel): it updates them as the batch is decided and, before the batch is
 * written, adds its rows to the same {@link WriteBatch}, so that they commit with the journal or not at all. It starts
 * from its own rows, never by replaying history. Only the writer thread touches it.
 */
public interface Projection {

    /** Reads this projection's state from committed storage: at start and after a failed batch. */
    void reload();

    /**
     * What to read ahead, in one round trip, for the batch's commands (rows of the donors they name, say), or null when
     * the batch needs nothing read. Called on the writer thread, which may look at this projection's state to decide what
     * is wanted. The read it returns runs on a reader thread, beside the writer's own reads and the other projections',
     * and may change only what this projection keeps for the batch's reads; the writer decides nothing until every read
     * of the batch is back. A projection with nothing to read costs the batch no thread.
     */
    default Runnable readAhead(List<LedgerCommand<?>> commands) {
        return null;
    }

    /** Adds this projection's rows for what the batch changed (after every command is decided and checked). */
    default void flush(Books books) {
    }
}
