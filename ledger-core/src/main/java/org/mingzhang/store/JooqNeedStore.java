package org.mingzhang.store;

import static org.mingzhang.store.JooqJournalStore.instant;
import static org.mingzhang.store.JooqJournalStore.odt;
import static org.mingzhang.store.jooq.Tables.RESIDENT_NEED;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.need.Need;
import org.mingzhang.need.NeedSaved;
import org.mingzhang.need.NeedStatus;
import org.mingzhang.need.NeedStore;
import org.mingzhang.store.jooq.tables.records.ResidentNeedRecord;
import org.mingzhang.user.Actor;

/** Residents' needs through jOOQ: a new need is inserted; answering or withdrawing it updates its row once. */
final class JooqNeedStore implements NeedStore, RecordWriter {

    private final DSLContext reads;

    JooqNeedStore(DSLContext reads) {
        this.reads = reads;
    }

    @Override
    public List<Need> needs() {
        return reads.selectFrom(RESIDENT_NEED).orderBy(RESIDENT_NEED.ID).fetch(JooqNeedStore::need);
    }

    @Override
    public Optional<Need> need(long id) {
        return reads.selectFrom(RESIDENT_NEED).where(RESIDENT_NEED.ID.eq(id)).fetchOptional(JooqNeedStore::need);
    }

    @Override
    public List<Need> page(Long fundId, NeedStatus status, long afterId, int limit) {
        Condition where = RESIDENT_NEED.ID.gt(afterId);
        if (fundId != null) {
            where = where.and(RESIDENT_NEED.FUND_ID.eq(fundId));
        }
        if (status != null) {
            where = where.and(RESIDENT_NEED.STATUS.eq(status.name()));
        }
        return reads.selectFrom(RESIDENT_NEED).where(where).orderBy(RESIDENT_NEED.ID).limit(limit).fetch(JooqNeedStore::need);
    }

    @Override
    public void write(DSLContext dsl, BatchRecord record) {
        NeedSaved saved = (NeedSaved) record;
        Need n = saved.need();
        if (saved.created()) {
            dsl.insertInto(RESIDENT_NEED).set(RESIDENT_NEED.ID, n.id()).set(RESIDENT_NEED.FUND_ID, n.fundId())
                    .set(RESIDENT_NEED.TITLE, n.title()).set(RESIDENT_NEED.DESCRIPTION, n.description())
                    .set(RESIDENT_NEED.RAISED_BY, n.raisedBy()).set(RESIDENT_NEED.SUPPORTERS, n.supporters())
                    .set(RESIDENT_NEED.STATUS, n.status().name())
                    .set(RESIDENT_NEED.CREATED_BY_ID, n.createdBy().userId()).set(RESIDENT_NEED.CREATED_BY_NAME, n.createdBy().name())
                    .set(RESIDENT_NEED.CREATED_AT, odt(n.createdAt())).execute();
            return;
        }
        // A need leaves OPEN to ANSWERED or WITHDRAWN, and comes back from ANSWERED only when its project was
        // rejected or cancelled: a row in any other state is not changed.
        NeedStatus from = n.status() == NeedStatus.OPEN ? NeedStatus.ANSWERED : NeedStatus.OPEN;
        int updated = dsl.update(RESIDENT_NEED).set(RESIDENT_NEED.STATUS, n.status().name())
                .set(RESIDENT_NEED.ANSWERED_BY_PROJECT_CODE, n.answeredByProjectCode())
                .set(RESIDENT_NEED.ANSWERED_AT, odt(n.answeredAt()))
                .set(RESIDENT_NEED.WITHDRAWN_BY_ID, n.withdrawnBy() == null ? null : n.withdrawnBy().userId())
                .set(RESIDENT_NEED.WITHDRAWN_BY_NAME, n.withdrawnBy() == null ? null : n.withdrawnBy().name())
                .set(RESIDENT_NEED.WITHDRAWN_AT, odt(n.withdrawnAt())).set(RESIDENT_NEED.WITHDRAW_REASON, n.withdrawReason())
                .where(RESIDENT_NEED.ID.eq(n.id())).and(RESIDENT_NEED.STATUS.eq(from.name())).execute();
        if (updated != 1) {
            throw new IllegalStateException("need " + n.id() + " is not " + from + " in storage");
        }
    }

    private static Need need(ResidentNeedRecord r) {
        return new Need(r.getId(), r.getFundId(), r.getTitle(), r.getDescription(), r.getRaisedBy(), r.getSupporters(),
                NeedStatus.valueOf(r.getStatus()), r.getAnsweredByProjectCode(), instant(r.getAnsweredAt()),
                new Actor(r.getCreatedById(), r.getCreatedByName()), instant(r.getCreatedAt()),
                r.getWithdrawnById() == null ? null : new Actor(r.getWithdrawnById(), r.getWithdrawnByName()),
                instant(r.getWithdrawnAt()), r.getWithdrawReason());
    }
}
