package org.mingzhang.journal;

import java.util.Collection;
import java.util.List;

/**
 * A part of the single writer's state machine that decides commands of its own kind (projects, gifts,
 * matching pools) and books their money through {@link Books} in the same batch, so that a business
 * record and its journal transaction commit together or not at all. Like the journal's own decider, it
 * holds its state in memory, is touched only by the writer thread, and reloads from storage when a
 * batch fails.
 */
public interface Decider extends Projection {

    /** Reads this decider's state from committed storage: at start and after a failed batch. */
    @Override
    void reload();

    /** Whether this decider decides the command. */
    boolean decides(LedgerCommand<?> command);

    /** Ids of journal transactions the command will reverse or resolve, read ahead with the batch. */
    default Collection<Long> transactionsReferredTo(LedgerCommand<?> command) {
        return List.of();
    }

    /**
     * Decides the command. It checks everything it can before it books anything. When it books more than
     * one thing, every booking after the first must be one that cannot be refused, and if one is refused
     * all the same the decider throws: the writer then rolls the whole batch back and retries each command
     * alone, so a command is never left half done.
     */
    <T> Outcome<T> decide(LedgerCommand<T> command, Books books);

    /**
     * Checks, after every command of a batch is decided and before it is written, what this decider's own checks must
     * have kept true; throws if it does not hold (a bug: the writer then rolls the batch back and retries each command
     * alone). The pair of the checks made command by command.
     */
    default void assertInvariants(Books books) {
    }
}
