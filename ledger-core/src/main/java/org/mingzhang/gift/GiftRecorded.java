package org.mingzhang.gift;

import org.mingzhang.journal.BatchRecord;

/** The record a new gift leaves for storage. */
public record GiftRecorded(Gift gift) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
