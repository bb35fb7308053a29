package org.mingzhang.register;

import org.mingzhang.journal.BatchRecord;

/** The record a decided goods register entry leaves for storage: a new entry; entries are never changed. */
public record GoodsEntrySaved(GoodsEntry entry) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
