package org.mingzhang.store;

import static org.mingzhang.store.JooqJournalStore.instant;
import static org.mingzhang.store.JooqJournalStore.odt;
import static org.mingzhang.store.jooq.Tables.GOODS_REGISTER_ENTRY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.register.GoodsDirection;
import org.mingzhang.register.GoodsEntry;
import org.mingzhang.register.GoodsEntrySaved;
import org.mingzhang.register.GoodsLot;
import org.mingzhang.register.GoodsRegisterStore;
import org.mingzhang.store.jooq.tables.records.GoodsRegisterEntryRecord;

/**
 * The memorandum register of unvalued goods (备查簿) through jOOQ: every entry is inserted once and never changed (the
 * database refuses UPDATE and DELETE on it). Lots read back are checked by {@link GoodsLot}: no IN entry hands out more
 * than it received.
 */
final class JooqGoodsRegisterStore implements GoodsRegisterStore, RecordWriter {

    private final DSLContext reads;

    JooqGoodsRegisterStore(DSLContext reads) {
        this.reads = reads;
    }

    @Override
    public List<GoodsEntry> entries() {
        return reads.selectFrom(GOODS_REGISTER_ENTRY).orderBy(GOODS_REGISTER_ENTRY.ID).fetch(JooqGoodsRegisterStore::entry);
    }

    @Override
    public Optional<GoodsLot> lot(long inEntryId) {
        return reads.selectFrom(GOODS_REGISTER_ENTRY)
                .where(GOODS_REGISTER_ENTRY.ID.eq(inEntryId)).and(GOODS_REGISTER_ENTRY.DIRECTION.eq(GoodsDirection.IN.name()))
                .fetchOptional(JooqGoodsRegisterStore::entry)
                .map(in -> withIssues(List.of(in)).get(0));
    }

    @Override
    public List<GoodsLot> lots(long fundId, long afterId, int limit) {
        List<GoodsEntry> received = reads.selectFrom(GOODS_REGISTER_ENTRY)
                .where(GOODS_REGISTER_ENTRY.FUND_ID.eq(fundId))
                .and(GOODS_REGISTER_ENTRY.DIRECTION.eq(GoodsDirection.IN.name()))
                .and(GOODS_REGISTER_ENTRY.ID.gt(afterId))
                .orderBy(GOODS_REGISTER_ENTRY.ID).limit(limit).fetch(JooqGoodsRegisterStore::entry);
        return withIssues(received);
    }

    /** The IN entries with their issues, read in one query, in id order. */
    private List<GoodsLot> withIssues(List<GoodsEntry> received) {
        if (received.isEmpty()) {
            return List.of();
        }
        Map<Long, List<GoodsEntry>> issues = new LinkedHashMap<>();
        received.forEach(in -> issues.put(in.id(), new ArrayList<>()));
        reads.selectFrom(GOODS_REGISTER_ENTRY).where(GOODS_REGISTER_ENTRY.IN_ENTRY_ID.in(issues.keySet()))
                .orderBy(GOODS_REGISTER_ENTRY.ID).fetch(JooqGoodsRegisterStore::entry)
                .forEach(out -> issues.get(out.inEntryId()).add(out));
        return received.stream().map(in -> GoodsLot.of(in, issues.get(in.id()))).toList();
    }

    @Override
    public void write(DSLContext dsl, BatchRecord record) {
        GoodsEntry e = ((GoodsEntrySaved) record).entry();
        dsl.insertInto(GOODS_REGISTER_ENTRY)
                .set(GOODS_REGISTER_ENTRY.ID, e.id())
                .set(GOODS_REGISTER_ENTRY.IDEMPOTENCY_KEY, e.idempotencyKey())
                .set(GOODS_REGISTER_ENTRY.REQUEST_HASH, e.requestHash())
                .set(GOODS_REGISTER_ENTRY.FUND_ID, e.fundId())
                .set(GOODS_REGISTER_ENTRY.PROJECT_ID, e.projectId())
                .set(GOODS_REGISTER_ENTRY.DIRECTION, e.direction().name())
                .set(GOODS_REGISTER_ENTRY.DESCRIPTION, e.description())
                .set(GOODS_REGISTER_ENTRY.QUANTITY, e.quantity())
                .set(GOODS_REGISTER_ENTRY.UNIT, e.unit())
                .set(GOODS_REGISTER_ENTRY.COUNTERPARTY, e.counterparty())
                .set(GOODS_REGISTER_ENTRY.WHY_NOT_VALUED, e.whyNotValued())
                .set(GOODS_REGISTER_ENTRY.IN_ENTRY_ID, e.inEntryId())
                .set(GOODS_REGISTER_ENTRY.OCCURRED_AT, odt(e.occurredAt()))
                .set(GOODS_REGISTER_ENTRY.NOTE, e.note())
                .set(GOODS_REGISTER_ENTRY.RECORDED_BY, e.recordedBy())
                .set(GOODS_REGISTER_ENTRY.RECORDED_AT, odt(e.recordedAt()))
                .execute();
    }

    private static GoodsEntry entry(GoodsRegisterEntryRecord r) {
        return new GoodsEntry(r.getId(), r.getIdempotencyKey(), r.getRequestHash(), r.getFundId(), r.getProjectId(),
                GoodsDirection.valueOf(r.getDirection()), r.getDescription(), r.getQuantity(), r.getUnit(), r.getCounterparty(),
                r.getWhyNotValued(), r.getInEntryId(), instant(r.getOccurredAt()), r.getNote(), r.getRecordedBy(),
                instant(r.getRecordedAt()));
    }
}
