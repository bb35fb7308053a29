package org.mingzhang.matching;

import org.mingzhang.journal.BatchRecord;

/** The record a settlement (or a later return of matched money) leaves for storage. */
public record SettlementSaved(Settlement settlement, boolean created) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
