package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/** Pay an approved disbursement: its reservation is posted and the restriction released. Idempotent by key. */
public record PayDisbursement(Actor by, long disbursementId, String idempotencyKey) implements LedgerCommand<Disbursement> {

    public PayDisbursement {
        LedgerLimits.requireKey(idempotencyKey);
    }
}
