package org.mingzhang.journal;

import org.mingzhang.attribution.AttributionSaved;
import org.mingzhang.closing.YearClose;
import org.mingzhang.gift.GiftRecorded;
import org.mingzhang.gift.GiftRefunded;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.matching.PoolSaved;
import org.mingzhang.matching.ProjectMatchSaved;
import org.mingzhang.matching.SettlementSaved;
import org.mingzhang.need.NeedSaved;
import org.mingzhang.project.DisbursementSaved;
import org.mingzhang.project.LeftoverDisposal;
import org.mingzhang.project.PlanVersionSaved;
import org.mingzhang.project.ProjectSaved;
import org.mingzhang.project.ProjectSheetSaved;
import org.mingzhang.register.GoodsEntrySaved;
import org.mingzhang.transparency.LogAppended;

/**
 * What a decider or a projection writes with its batch besides the journal ({@link Books#write}): a business record
 * (a project, a gift, a pool…) or a projection's rows. The kinds are closed: each is a case of {@link Visitor}, and
 * the store writes a record through a visitor, so a new kind does not compile until the store writes it. (A sealed
 * interface would say the same, but Java lets one permit only classes of its own package outside named modules.)
 */
public interface BatchRecord {

    /** Calls the visitor's case for this kind. */
    <R> R accept(Visitor<R> visitor);

    /** One case per kind of record. */
    interface Visitor<R> {
        R visit(ProjectSaved record);

        R visit(PlanVersionSaved record);

        R visit(DisbursementSaved record);

        R visit(LeftoverDisposal record);

        R visit(GiftRecorded record);

        R visit(GiftRefunded record);

        R visit(PoolSaved record);

        R visit(SettlementSaved record);

        R visit(NeedSaved record);

        R visit(YearClose record);

        R visit(GoodsEntrySaved record);

        R visit(KeptRequest record);

        R visit(ProjectSheetSaved record);

        R visit(ProjectMatchSaved record);

        R visit(ProjectGiving.Saved record);

        R visit(LogAppended record);

        R visit(AttributionSaved record);
    }
}
