package org.mingzhang.project;

import org.mingzhang.journal.BatchRecord;

/** A disbursement to store: added when requested, updated at each later step. */
public record DisbursementSaved(Disbursement disbursement, boolean created) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
