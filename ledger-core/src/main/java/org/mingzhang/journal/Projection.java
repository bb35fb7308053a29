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

    /** Reads ahead, in one round trip, what the batch's commands will need (rows of the donors they name, say). */
    default void prepare(List<LedgerCommand<?>> commands) {
    }

    /** Adds this projection's rows for what the batch changed (after every command is decided and checked). */
    default void flush(Books books) {
    }
}
