package org.mingzhang.project;

import org.mingzhang.journal.BatchRecord;

/** A plan version to store: added when proposed (or approved as version 1), updated once when decided. */
public record PlanVersionSaved(PlanVersion version, boolean created) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
