package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/**
 * The committee decides what becomes of the money a completed (or cancelled) project has left: all of it
 * returns to the fund's unrestricted money, or moves to another running project of the same fund.
 *
 * @param targetCode the project that receives it, for {@link LeftoverDisposition#TRANSFER_TO_PROJECT} only
 */
public record DisposeLeftover(Actor by, String code, LeftoverDisposition disposition, String targetCode, String reason)
        implements LedgerCommand<LeftoverDisposal> {

    public DisposeLeftover {
        LedgerLimits.requireReason(reason);
        if ((disposition == LeftoverDisposition.TRANSFER_TO_PROJECT) != (targetCode != null)) {
            throw new IllegalArgumentException("a target project is named exactly when the leftover moves to one");
        }
    }
}
