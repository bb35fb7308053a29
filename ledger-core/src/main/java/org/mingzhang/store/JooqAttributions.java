package org.mingzhang.store;

import static org.mingzhang.store.jooq.Tables.ATTRIBUTION;
import static org.mingzhang.store.jooq.Tables.ATTRIBUTION_OUTFLOW;
import static org.mingzhang.store.jooq.Tables.ATTRIBUTION_UNIT;
import static org.mingzhang.store.jooq.Tables.DISBURSEMENT;
import static org.mingzhang.store.jooq.Tables.GIFT;
import static org.mingzhang.store.jooq.Tables.MATCHING_POOL;
import static org.mingzhang.store.jooq.Tables.MATCH_SETTLEMENT;
import static org.mingzhang.store.jooq.Tables.PROJECT;
import static org.mingzhang.store.jooq.Tables.PROJECTION_BUILT;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.mingzhang.attribution.AttributionSaved;
import org.mingzhang.attribution.AttributionStore;
import org.mingzhang.attribution.Attributions;
import org.mingzhang.attribution.GiftFlow;
import org.mingzhang.attribution.Outflow;
import org.mingzhang.attribution.OutflowKind;
import org.mingzhang.attribution.Part;
import org.mingzhang.attribution.ProjectFlow;
import org.mingzhang.attribution.Unit;
import org.mingzhang.attribution.Use;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.store.jooq.tables.Project;

/**
 * The attribution's rows through jOOQ: units (replaced as the books move), outflows and their parts (added once). Written
 * by the single writer in its batch transaction; read by the writer (a project's units) and by the public reads, each
 * through an index: a gift's flow is three indexed reads (the gift with its project and its project's settlement,
 * its units, its attribution rows with their outflows and disbursements), whatever the size of the books.
 */
final class JooqAttributions implements AttributionStore, Attributions, RecordWriter {

    /** Keys of one statement at most: keeps statements within every database's limit on bind values. */
    private static final int KEYS_PER_STATEMENT = 500;

    private final DSLContext reads;

    JooqAttributions(DSLContext reads) {
        this.reads = reads;
    }

    // --- the writer's reads -------------------------------------------------------------------------------------

    @Override
    public boolean attributionBuilt() {
        Integer v = reads.select(PROJECTION_BUILT.VERSION).from(PROJECTION_BUILT).where(PROJECTION_BUILT.NAME.eq(NAME))
                .fetchOne(PROJECTION_BUILT.VERSION);
        return v != null && v == VERSION;
    }

    @Override
    public Map<Long, List<Unit>> units(Collection<Long> projectIds) {
        Map<Long, List<Unit>> found = new HashMap<>();
        List<Long> all = List.copyOf(projectIds);
        all.forEach(id -> found.put(id, new ArrayList<>()));
        for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
            reads.selectFrom(ATTRIBUTION_UNIT)
                    .where(ATTRIBUTION_UNIT.PROJECT_ID.in(all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT))))
                    .forEach(r -> found.get(r.getProjectId()).add(new Unit(r.getProjectId(), r.getGiftId(),
                            Part.valueOf(r.getPart()), Unit.Origin.valueOf(r.getOrigin()), r.getInFen(), r.getStandingFen(),
                            r.getRemainingFen())));
        }
        return found;
    }

    @Override
    public void rebuildAttribution(AttributionSaved rows) {
        reads.transaction(c -> {
            DSLContext dsl = DSL.using(c);
            dsl.deleteFrom(ATTRIBUTION_UNIT).execute();
            // Outflows are kept as they were attributed (append-only): a build adds only those not kept yet.
            Long kept = dsl.select(DSL.max(ATTRIBUTION_OUTFLOW.TRANSACTION_ID)).from(ATTRIBUTION_OUTFLOW).fetchOne(0, Long.class);
            long through = kept == null ? 0 : kept;
            writeUnits(dsl, rows.units());
            writeOutflows(dsl, rows.outflows().stream().filter(o -> o.transactionId() > through).toList());
            dsl.deleteFrom(PROJECTION_BUILT).where(PROJECTION_BUILT.NAME.eq(NAME)).execute();
            dsl.insertInto(PROJECTION_BUILT).set(PROJECTION_BUILT.NAME, NAME).set(PROJECTION_BUILT.VERSION, VERSION).execute();
        });
    }

    // --- writes ---------------------------------------------------------------------------------------------------

    @Override
    public void write(DSLContext dsl, BatchRecord record) {
        writeAll(dsl, List.of(record));
    }

    @Override
    public void writeAll(DSLContext dsl, List<BatchRecord> records) {
        Map<List<Object>, Unit> units = new LinkedHashMap<>();
        List<Outflow> outflows = new ArrayList<>();
        for (BatchRecord r : records) {
            if (!(r instanceof AttributionSaved saved)) {
                throw new IllegalArgumentException("not an attribution row: " + r);
            }
            // The last state of a unit in the run is the one to keep.
            saved.units().forEach(u -> units.put(List.of(u.projectId(), u.giftId(), u.part()), u));
            outflows.addAll(saved.outflows());
        }
        writeUnits(dsl, List.copyOf(units.values()));
        writeOutflows(dsl, outflows);
    }

    private static void writeUnits(DSLContext dsl, List<Unit> units) {
        RowBatches.upsert(dsl, ATTRIBUTION_UNIT, List.of(ATTRIBUTION_UNIT.PROJECT_ID, ATTRIBUTION_UNIT.GIFT_ID, ATTRIBUTION_UNIT.PART),
                List.of(ATTRIBUTION_UNIT.ORIGIN, ATTRIBUTION_UNIT.IN_FEN, ATTRIBUTION_UNIT.STANDING_FEN, ATTRIBUTION_UNIT.REMAINING_FEN),
                units.stream().map(u -> new Object[] {u.projectId(), u.giftId(), u.part().name(), u.origin().name(), u.inFen(),
                        u.standingFen(), u.remainingFen()}).toList());
    }

    private static void writeOutflows(DSLContext dsl, List<Outflow> outflows) {
        RowBatches.insert(dsl, ATTRIBUTION_OUTFLOW, List.of(ATTRIBUTION_OUTFLOW.TRANSACTION_ID, ATTRIBUTION_OUTFLOW.PROJECT_ID,
                ATTRIBUTION_OUTFLOW.KIND, ATTRIBUTION_OUTFLOW.DISBURSEMENT_ID, ATTRIBUTION_OUTFLOW.TO_PROJECT_ID,
                ATTRIBUTION_OUTFLOW.OCCURRED_AT, ATTRIBUTION_OUTFLOW.AMOUNT_FEN, ATTRIBUTION_OUTFLOW.FROM_GIFT_FEN,
                ATTRIBUTION_OUTFLOW.FROM_MATCH_FEN, ATTRIBUTION_OUTFLOW.METHOD_VERSION), outflows.stream()
                .map(o -> new Object[] {o.transactionId(), o.projectId(), o.kind().name(), o.disbursementId(), o.toProjectId(),
                        OffsetDateTime.ofInstant(o.occurredAt(), ZoneOffset.UTC), o.amountFen(), o.fromPartFen(Part.GIFT),
                        o.fromPartFen(Part.MATCH), o.methodVersion()}).toList());
        List<Object[]> parts = new ArrayList<>();
        for (Outflow o : outflows) {
            for (Outflow.Share s : o.shares()) {
                parts.add(new Object[] {o.transactionId(), s.giftId(), s.part().name(), o.projectId(), o.kind().name(),
                        o.disbursementId(), s.amountFen(), o.methodVersion()});
            }
        }
        RowBatches.insert(dsl, ATTRIBUTION, List.of(ATTRIBUTION.TRANSACTION_ID, ATTRIBUTION.GIFT_ID, ATTRIBUTION.PART,
                ATTRIBUTION.PROJECT_ID, ATTRIBUTION.KIND, ATTRIBUTION.DISBURSEMENT_ID, ATTRIBUTION.AMOUNT_FEN,
                ATTRIBUTION.METHOD_VERSION), parts);
    }

    // --- the public reads -----------------------------------------------------------------------------------------

    @Override
    public Optional<GiftFlow> giftFlow(long giftId) {
        // The gift with its project and the pool that settled the project's match (at most one: the settlement's key is
        // the project), in one read.
        Record gift = reads.select(GIFT.PROJECT_ID, GIFT.AMOUNT_FEN, GIFT.REFUNDED_FEN, PROJECT.CODE, MATCHING_POOL.ID,
                        MATCHING_POOL.CODE, MATCHING_POOL.NAME)
                .from(GIFT)
                .join(PROJECT).on(PROJECT.ID.eq(GIFT.PROJECT_ID))
                .leftJoin(MATCH_SETTLEMENT).on(MATCH_SETTLEMENT.PROJECT_ID.eq(GIFT.PROJECT_ID))
                .leftJoin(MATCHING_POOL).on(MATCHING_POOL.ID.eq(MATCH_SETTLEMENT.POOL_ID))
                .where(GIFT.ID.eq(giftId)).fetchOne();
        if (gift == null) {
            return Optional.empty();
        }
        long projectId = gift.get(GIFT.PROJECT_ID);
        long matchShare = 0;
        long unspent = 0;
        for (var u : reads.select(ATTRIBUTION_UNIT.PROJECT_ID, ATTRIBUTION_UNIT.PART, ATTRIBUTION_UNIT.IN_FEN, ATTRIBUTION_UNIT.REMAINING_FEN)
                .from(ATTRIBUTION_UNIT).where(ATTRIBUTION_UNIT.GIFT_ID.eq(giftId)).fetch()) {
            unspent += u.value4();
            if (u.value1() == projectId && Part.MATCH.name().equals(u.value2())) {
                matchShare += u.value3();
            }
        }
        Project from = PROJECT.as("from_project");
        Project to = PROJECT.as("to_project");
        // One row per part; a use is an outflow's parts of this gift, its own money and its match share together.
        Map<Long, long[]> parts = new LinkedHashMap<>();
        Map<Long, Record> outflows = new HashMap<>();
        reads.select(ATTRIBUTION.TRANSACTION_ID, ATTRIBUTION.PART, ATTRIBUTION.AMOUNT_FEN, ATTRIBUTION_OUTFLOW.KIND,
                        ATTRIBUTION_OUTFLOW.OCCURRED_AT, ATTRIBUTION_OUTFLOW.PROJECT_ID, ATTRIBUTION_OUTFLOW.DISBURSEMENT_ID,
                        ATTRIBUTION_OUTFLOW.TO_PROJECT_ID, from.CODE, to.CODE, DISBURSEMENT.PURPOSE, DISBURSEMENT.BUDGET_ITEM)
                .from(ATTRIBUTION)
                .join(ATTRIBUTION_OUTFLOW).on(ATTRIBUTION_OUTFLOW.TRANSACTION_ID.eq(ATTRIBUTION.TRANSACTION_ID))
                .join(from).on(from.ID.eq(ATTRIBUTION_OUTFLOW.PROJECT_ID))
                .leftJoin(to).on(to.ID.eq(ATTRIBUTION_OUTFLOW.TO_PROJECT_ID))
                .leftJoin(DISBURSEMENT).on(DISBURSEMENT.ID.eq(ATTRIBUTION_OUTFLOW.DISBURSEMENT_ID))
                .where(ATTRIBUTION.GIFT_ID.eq(giftId))
                .orderBy(ATTRIBUTION_OUTFLOW.OCCURRED_AT, ATTRIBUTION.TRANSACTION_ID)
                .forEach(r -> {
                    long[] p = parts.computeIfAbsent(r.get(ATTRIBUTION.TRANSACTION_ID), k -> new long[2]);
                    p[Part.valueOf(r.get(ATTRIBUTION.PART)).ordinal()] += r.get(ATTRIBUTION.AMOUNT_FEN);
                    outflows.put(r.get(ATTRIBUTION.TRANSACTION_ID), r);
                });
        List<Use> uses = new ArrayList<>(parts.size());
        parts.forEach((id, p) -> uses.add(use(outflows.get(id), from, to, p[0], p[1])));
        return Optional.of(new GiftFlow(giftId, projectId, gift.get(PROJECT.CODE), gift.get(GIFT.AMOUNT_FEN),
                gift.get(GIFT.REFUNDED_FEN), matchShare, gift.get(MATCHING_POOL.ID), gift.get(MATCHING_POOL.CODE),
                gift.get(MATCHING_POOL.NAME), uses, unspent));
    }

    @Override
    public ProjectFlow projectFlow(long projectId) {
        String code = reads.select(PROJECT.CODE).from(PROJECT).where(PROJECT.ID.eq(projectId)).fetchOne(PROJECT.CODE);
        long gifts = 0;
        long match = 0;
        long movedIn = 0;
        long untied = 0;
        long unspent = 0;
        for (var r : reads.select(ATTRIBUTION_UNIT.ORIGIN, ATTRIBUTION_UNIT.PART, DSL.sum(ATTRIBUTION_UNIT.IN_FEN),
                        DSL.sum(ATTRIBUTION_UNIT.REMAINING_FEN)).from(ATTRIBUTION_UNIT).where(ATTRIBUTION_UNIT.PROJECT_ID.eq(projectId))
                .groupBy(ATTRIBUTION_UNIT.ORIGIN, ATTRIBUTION_UNIT.PART).fetch()) {
            long in = r.value3().longValueExact();
            unspent += r.value4().longValueExact();
            switch (Unit.Origin.valueOf(r.value1())) {
                case OWN -> {
                    if (Part.valueOf(r.value2()) == Part.GIFT) {
                        gifts += in;
                    } else {
                        match += in;
                    }
                }
                case MOVED_IN -> movedIn += in;
                case UNTIED -> untied += in;
            }
        }
        Project from = PROJECT.as("from_project");
        Project to = PROJECT.as("to_project");
        List<Use> outflows = reads.select(ATTRIBUTION_OUTFLOW.TRANSACTION_ID, ATTRIBUTION_OUTFLOW.KIND, ATTRIBUTION_OUTFLOW.OCCURRED_AT,
                        ATTRIBUTION_OUTFLOW.PROJECT_ID, ATTRIBUTION_OUTFLOW.DISBURSEMENT_ID, ATTRIBUTION_OUTFLOW.TO_PROJECT_ID,
                        ATTRIBUTION_OUTFLOW.FROM_GIFT_FEN, ATTRIBUTION_OUTFLOW.FROM_MATCH_FEN, from.CODE, to.CODE,
                        DISBURSEMENT.PURPOSE, DISBURSEMENT.BUDGET_ITEM)
                .from(ATTRIBUTION_OUTFLOW)
                .join(from).on(from.ID.eq(ATTRIBUTION_OUTFLOW.PROJECT_ID))
                .leftJoin(to).on(to.ID.eq(ATTRIBUTION_OUTFLOW.TO_PROJECT_ID))
                .leftJoin(DISBURSEMENT).on(DISBURSEMENT.ID.eq(ATTRIBUTION_OUTFLOW.DISBURSEMENT_ID))
                .where(ATTRIBUTION_OUTFLOW.PROJECT_ID.eq(projectId))
                .orderBy(ATTRIBUTION_OUTFLOW.OCCURRED_AT, ATTRIBUTION_OUTFLOW.TRANSACTION_ID)
                .fetch(r -> use(r, from, to, r.get(ATTRIBUTION_OUTFLOW.FROM_GIFT_FEN), r.get(ATTRIBUTION_OUTFLOW.FROM_MATCH_FEN)));
        return new ProjectFlow(projectId, code, gifts, match, movedIn, untied, outflows, unspent);
    }

    private static Use use(Record r, Project from, Project to, long fromGift, long fromMatch) {
        OutflowKind kind = OutflowKind.valueOf(r.get(ATTRIBUTION_OUTFLOW.KIND));
        String toCode = r.get(to.CODE);
        String purpose = r.get(DISBURSEMENT.PURPOSE);
        return new Use(r.get(ATTRIBUTION_OUTFLOW.OCCURRED_AT).toInstant(), kind, r.get(ATTRIBUTION_OUTFLOW.TRANSACTION_ID),
                r.get(ATTRIBUTION_OUTFLOW.PROJECT_ID), r.get(from.CODE), r.get(ATTRIBUTION_OUTFLOW.DISBURSEMENT_ID),
                purpose != null ? purpose : Use.label(kind, toCode), r.get(DISBURSEMENT.BUDGET_ITEM), fromGift + fromMatch,
                fromGift, fromMatch, r.get(ATTRIBUTION_OUTFLOW.TO_PROJECT_ID), toCode);
    }
}
