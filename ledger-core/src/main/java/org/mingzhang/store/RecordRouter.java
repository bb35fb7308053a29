package org.mingzhang.store;

import org.mingzhang.attribution.AttributionSaved;
import org.mingzhang.closing.YearClose;
import org.mingzhang.gift.GiftRecorded;
import org.mingzhang.gift.GiftRefunded;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.journal.KeptRequest;
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
 * Which store writes each kind of record: one case per kind ({@link BatchRecord.Visitor}), so a kind added to the
 * core does not compile here until a store writes it.
 */
final class RecordRouter implements BatchRecord.Visitor<RecordWriter> {

    private final JooqProjectStore projects;
    private final JooqGiftStore gifts;
    private final JooqMatchingStore matching;
    private final JooqNeedStore needs;
    private final JooqClosingStore closings;
    private final JooqGoodsRegisterStore goodsRegister;
    private final JooqRequestKeys requestKeys;
    private final JooqProjectionStore projections;
    private final JooqAttributions attributions;
    private final JooqTransparencyLog log;

    RecordRouter(JooqProjectStore projects, JooqGiftStore gifts, JooqMatchingStore matching, JooqNeedStore needs,
                 JooqClosingStore closings, JooqGoodsRegisterStore goodsRegister, JooqRequestKeys requestKeys,
                 JooqProjectionStore projections, JooqAttributions attributions, JooqTransparencyLog log) {
        this.projects = projects;
        this.gifts = gifts;
        this.matching = matching;
        this.needs = needs;
        this.closings = closings;
        this.goodsRegister = goodsRegister;
        this.requestKeys = requestKeys;
        this.projections = projections;
        this.attributions = attributions;
        this.log = log;
    }

    /** Every store on one database, for a journal store made on its own (tests). */
    static RecordRouter on(org.jooq.DSLContext dsl) {
        return new RecordRouter(new JooqProjectStore(dsl), new JooqGiftStore(dsl), new JooqMatchingStore(dsl), new JooqNeedStore(dsl),
                new JooqClosingStore(dsl), new JooqGoodsRegisterStore(dsl), new JooqRequestKeys(), new JooqProjectionStore(dsl),
                new JooqAttributions(dsl), new JooqTransparencyLog(dsl));
    }

    @Override
    public RecordWriter visit(ProjectSaved record) {
        return projects;
    }

    @Override
    public RecordWriter visit(PlanVersionSaved record) {
        return projects;
    }

    @Override
    public RecordWriter visit(DisbursementSaved record) {
        return projects;
    }

    @Override
    public RecordWriter visit(LeftoverDisposal record) {
        return projects;
    }

    @Override
    public RecordWriter visit(GiftRecorded record) {
        return gifts;
    }

    @Override
    public RecordWriter visit(GiftRefunded record) {
        return gifts;
    }

    @Override
    public RecordWriter visit(PoolSaved record) {
        return matching;
    }

    @Override
    public RecordWriter visit(SettlementSaved record) {
        return matching;
    }

    @Override
    public RecordWriter visit(NeedSaved record) {
        return needs;
    }

    @Override
    public RecordWriter visit(YearClose record) {
        return closings;
    }

    @Override
    public RecordWriter visit(GoodsEntrySaved record) {
        return goodsRegister;
    }

    @Override
    public RecordWriter visit(KeptRequest record) {
        return requestKeys;
    }

    @Override
    public RecordWriter visit(ProjectSheetSaved record) {
        return projections;
    }

    @Override
    public RecordWriter visit(ProjectMatchSaved record) {
        return projections;
    }

    @Override
    public RecordWriter visit(ProjectGiving.Saved record) {
        return projections;
    }

    @Override
    public RecordWriter visit(LogAppended record) {
        return log;
    }

    @Override
    public RecordWriter visit(AttributionSaved record) {
        return attributions;
    }
}
