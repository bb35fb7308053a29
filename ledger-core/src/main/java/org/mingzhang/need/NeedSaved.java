package org.mingzhang.need;

import org.mingzhang.journal.BatchRecord;

/** The record a decided need leaves for storage: the need as it now is, and whether it is new. */
public record NeedSaved(Need need, boolean created) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
