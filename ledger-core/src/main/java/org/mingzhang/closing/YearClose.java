package org.mingzhang.closing;

import java.time.Instant;
import java.util.List;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.user.Actor;

/**
 * A fund's closed year: its closing entries (one journal transaction per project whose money the year touched, and
 * one for the rest of the fund), dated at the year's last microsecond, and the period locked through then.
 *
 * @param transactionIds the closing entries; empty when the year had no income or expense to close
 */
public record YearClose(long fundId, int year, Instant closedThrough, List<Long> transactionIds, Actor closedBy,
                        Instant closedAt) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

    public YearClose {
        transactionIds = List.copyOf(transactionIds);
    }
}
