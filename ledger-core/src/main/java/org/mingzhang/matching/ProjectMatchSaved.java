package org.mingzhang.matching;

import java.util.Map;
import org.mingzhang.journal.BatchRecord;

/**
 * The projection row of a project's match base ({@code project_match}) and the donors' counted sums that changed
 * ({@code project_donor.counted_fen}, the column of the donor's row that is the match base's), written in the batch that
 * changed them.
 *
 * @param donorsCountedFen donor key → counted sum after the change; only the donors the batch touched
 * @param replacesDonors true when the base was counted afresh: every donor row of the project is replaced
 */
public record ProjectMatchSaved(long projectId, long poolId, int ruleVersion, MatchBase base, Map<String, Long> donorsCountedFen,
                                boolean replacesDonors) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

    public ProjectMatchSaved {
        donorsCountedFen = Map.copyOf(donorsCountedFen);
    }
}
