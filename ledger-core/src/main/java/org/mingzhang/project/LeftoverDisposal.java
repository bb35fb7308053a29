package org.mingzhang.project;

import java.time.Instant;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.user.Actor;

/** A decision about a project's leftover money, with the journal transaction that carried it out. */
public record LeftoverDisposal(long projectId, int seq, LeftoverDisposition disposition, long amountFen, Long targetProjectId,
                               long transactionId, Actor decidedBy, Instant decidedAt, String reason) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
