package org.mingzhang.matching;

import org.mingzhang.journal.BatchRecord;

/** The record a pool command leaves for storage. */
public record PoolSaved(MatchingPool pool, boolean created) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
