package org.mingzhang.journal;

/**
 * A check that a {@link Decider} lays over the journal's own commands as clients send them (a manual entry, its
 * reversal, a pending transfer): money that belongs to the decider's records moves only through those records, so a
 * manual entry cannot get round the checks they make. Deciders' own bookings are not guarded: they check themselves.
 */
public interface JournalGuard {

    /** Why the command may not be applied, or null when this guard has nothing against it. */
    Outcome.Rejected<?> refuse(LedgerCommand<?> command, Books books);
}
