package org.mingzhang.need;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/** Withdraw an open need, saying why (residents solved it themselves, say); only an OPEN need can be withdrawn. */
public record WithdrawNeed(Actor by, long needId, String reason) implements LedgerCommand<Need> {

    public static final int REASON_LENGTH_MAX = LedgerLimits.REASON_LENGTH_MAX;

    public WithdrawNeed {
        // The id is not asserted: an unknown one is simply a need that does not exist.
        LedgerLimits.requireReason(reason);
    }
}
