package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/**
 * A step of a disbursement after its request: the committee approves (reserving the money) or rejects it,
 * or the accountant cancels it. Approving more than the budget line has left needs {@code approveOverrun}
 * and a reason, which are recorded with the disbursement.
 */
public record DecideDisbursement(Actor by, long disbursementId, Decision decision, boolean approveOverrun, String reason)
        implements LedgerCommand<Disbursement> {

    public enum Decision { APPROVE, REJECT, CANCEL }

    public DecideDisbursement {
        if (reason != null) {
            LedgerLimits.requireReason(reason);
        }
        if (decision != Decision.APPROVE && reason == null) {
            throw new IllegalArgumentException("a rejection or cancellation says why");
        }
        if (approveOverrun && (decision != Decision.APPROVE || reason == null)) {
            throw new IllegalArgumentException("an approved overrun is an approval that says why");
        }
    }
}
