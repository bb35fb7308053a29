package org.mingzhang.store;

import static org.mingzhang.store.jooq.Tables.PROJECTION_BUILT;
import static org.mingzhang.store.jooq.Tables.PROJECT_DONOR;
import static org.mingzhang.store.jooq.Tables.PROJECT_GIVING;
import static org.mingzhang.store.jooq.Tables.PROJECT_SOURCE;
import static org.mingzhang.store.jooq.Tables.PROJECT_MATCH;
import static org.mingzhang.store.jooq.Tables.PROJECT_SHEET;
import static org.mingzhang.store.jooq.Tables.PROJECT_SHEET_LINE;
import static org.mingzhang.store.jooq.Tables.PROJECT_SHEET_RESERVATION;
import static org.mingzhang.store.jooq.Tables.PROJECT_SHEET_YEAR;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.Record;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.ProjectDonor;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.matching.ExclusionReason;
import org.mingzhang.matching.MatchBase;
import org.mingzhang.matching.MatchTallies;
import org.mingzhang.matching.ProjectMatchSaved;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectSheetSaved;
import org.mingzhang.project.ProjectSheets;

/**
 * The read side's projection rows through jOOQ: each project's money, its match base and its donors' counted sums. Rows are
 * written by the single writer in its batch transaction (as {@link RecordWriter}) and read by the writer at start and
 * by the reads.
 */
final class JooqProjectionStore implements MatchTallies, ProjectSheets, ProjectGiving, RecordWriter {

    /** Rows of one statement at most: keeps statements within every database's limit on bind values. */
    private static final int ROWS_PER_STATEMENT = 500;

    private final DSLContext reads;

    JooqProjectionStore(DSLContext reads) {
        this.reads = reads;
    }

    // --- match bases --------------------------------------------------------------------------------------------

    @Override
    public List<Row> rows() {
        return reads.selectFrom(PROJECT_MATCH).orderBy(PROJECT_MATCH.PROJECT_ID).fetch(JooqProjectionStore::row);
    }

    @Override
    public Optional<Row> row(long projectId) {
        return reads.selectFrom(PROJECT_MATCH).where(PROJECT_MATCH.PROJECT_ID.eq(projectId)).fetchOptional(JooqProjectionStore::row);
    }

    private static Row row(Record r) {
        Map<ExclusionReason, Integer> excluded = new EnumMap<>(ExclusionReason.class);
        excluded.put(ExclusionReason.REFUNDED, r.get(PROJECT_MATCH.EXCLUDED_REFUNDED));
        excluded.put(ExclusionReason.OUTSIDE_WINDOW, r.get(PROJECT_MATCH.EXCLUDED_OUTSIDE_WINDOW));
        excluded.put(ExclusionReason.IN_KIND_NOT_ELIGIBLE, r.get(PROJECT_MATCH.EXCLUDED_IN_KIND));
        return new Row(r.get(PROJECT_MATCH.PROJECT_ID), r.get(PROJECT_MATCH.POOL_ID), r.get(PROJECT_MATCH.RULE_VERSION),
                new MatchBase(r.get(PROJECT_MATCH.GIFTS_CONSIDERED), excluded, r.get(PROJECT_MATCH.RECEIVED_FEN),
                        r.get(PROJECT_MATCH.REMOVED_BY_DONATION_CAP_FEN), r.get(PROJECT_MATCH.REMOVED_BY_DONOR_CAP_FEN),
                        r.get(PROJECT_MATCH.BASE_FEN)));
    }

    @Override
    public Map<ProjectDonor, Long> countedFen(Collection<ProjectDonor> donors) {
        Map<ProjectDonor, Long> found = new HashMap<>();
        List<ProjectDonor> all = List.copyOf(donors);
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            List<Row2<Long, String>> keys = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT)).stream()
                    .map(d -> DSL.row(d.projectId(), d.donorKey())).toList();
            reads.select(PROJECT_DONOR.PROJECT_ID, PROJECT_DONOR.DONOR_KEY, PROJECT_DONOR.COUNTED_FEN)
                    .from(PROJECT_DONOR)
                    .where(DSL.row(PROJECT_DONOR.PROJECT_ID, PROJECT_DONOR.DONOR_KEY).in(keys))
                    .forEach(r -> found.put(new ProjectDonor(r.value1(), r.value2()), r.value3()));
        }
        return found;
    }

    @Override
    public void rebuildTallies(List<ProjectMatchSaved> rows) {
        // The donor rows are shared with the giving projection: only this projection's column is cleared.
        rebuild(MatchTallies.NAME, MatchTallies.VERSION, List.of(PROJECT_MATCH), dsl -> {
            dsl.update(PROJECT_DONOR).set(PROJECT_DONOR.COUNTED_FEN, 0L).execute();
            writeDonors(dsl, Map.of(), writeMatches(dsl, rows));
        });
    }

    /** Writes the projects' match bases; returns the donors' counted sums, which {@link #writeDonors} writes. */
    private static Map<ProjectDonor, Long> writeMatches(DSLContext dsl, List<ProjectMatchSaved> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        // The last row of a project in the run is its state after the run.
        Map<Long, ProjectMatchSaved> last = new java.util.LinkedHashMap<>();
        Map<ProjectDonor, Long> donors = new java.util.LinkedHashMap<>();
        List<Long> replaced = new ArrayList<>();
        for (ProjectMatchSaved r : rows) {
            last.put(r.projectId(), r);
            if (r.replacesDonors()) {
                replaced.add(r.projectId());
                donors.keySet().removeIf(d -> d.projectId() == r.projectId());
            }
            r.donorsCountedFen().forEach((key, fen) -> donors.put(new ProjectDonor(r.projectId(), key), fen));
        }
        for (List<Long> ids : chunks(replaced)) {
            dsl.update(PROJECT_DONOR).set(PROJECT_DONOR.COUNTED_FEN, 0L).where(PROJECT_DONOR.PROJECT_ID.in(ids)).execute();
        }
        RowBatches.upsert(dsl, PROJECT_MATCH, List.of(PROJECT_MATCH.PROJECT_ID), List.of(PROJECT_MATCH.POOL_ID, PROJECT_MATCH.RULE_VERSION,
                PROJECT_MATCH.GIFTS_CONSIDERED, PROJECT_MATCH.EXCLUDED_REFUNDED, PROJECT_MATCH.EXCLUDED_OUTSIDE_WINDOW,
                PROJECT_MATCH.EXCLUDED_IN_KIND, PROJECT_MATCH.RECEIVED_FEN, PROJECT_MATCH.REMOVED_BY_DONATION_CAP_FEN,
                PROJECT_MATCH.REMOVED_BY_DONOR_CAP_FEN, PROJECT_MATCH.BASE_FEN), last.values().stream().map(r -> {
                    MatchBase b = r.base();
                    return new Object[] {r.projectId(), r.poolId(), r.ruleVersion(), b.giftsConsidered(),
                            b.excludedByReason().get(ExclusionReason.REFUNDED), b.excludedByReason().get(ExclusionReason.OUTSIDE_WINDOW),
                            b.excludedByReason().get(ExclusionReason.IN_KIND_NOT_ELIGIBLE), b.receivedFen(),
                            b.removedByDonationCapFen(), b.removedByDonorCapFen(), b.baseFen()};
                }).toList());
        return donors;
    }

    // --- project money -----------------------------------------------------------------------------------------

    @Override
    public Map<Long, ProjectMoney.State> states() {
        return states(null);
    }

    @Override
    public Optional<ProjectMoney.State> state(long projectId) {
        return Optional.ofNullable(states(projectId).get(projectId));
    }

    /** @param projectId one project's, or every project's when null */
    private Map<Long, ProjectMoney.State> states(Long projectId) {
        Map<Long, Map<Integer, Long>> years = new HashMap<>();
        reads.selectFrom(PROJECT_SHEET_YEAR).where(projectId == null ? DSL.noCondition() : PROJECT_SHEET_YEAR.PROJECT_ID.eq(projectId))
                .orderBy(PROJECT_SHEET_YEAR.PROJECT_ID, PROJECT_SHEET_YEAR.FISCAL_YEAR)
                .forEach(r -> years.computeIfAbsent(r.getProjectId(), k -> new java.util.TreeMap<>())
                        .put(r.getFiscalYear(), r.getRestrictedIncomeFen()));
        Map<Long, List<ProjectMoney.Line>> lines = new HashMap<>();
        reads.selectFrom(PROJECT_SHEET_LINE).where(projectId == null ? DSL.noCondition() : PROJECT_SHEET_LINE.PROJECT_ID.eq(projectId))
                .orderBy(PROJECT_SHEET_LINE.PROJECT_ID, PROJECT_SHEET_LINE.LINE_NO)
                .forEach(r -> lines.computeIfAbsent(r.getProjectId(), k -> new ArrayList<>())
                        .add(new ProjectMoney.Line(r.getItem(), r.getDisbursedFen(), r.getReservedFen())));
        Map<Long, List<ProjectMoney.Reserved>> reservations = new HashMap<>();
        reads.selectFrom(PROJECT_SHEET_RESERVATION).where(projectId == null ? DSL.noCondition() : PROJECT_SHEET_RESERVATION.PROJECT_ID.eq(projectId))
                .orderBy(PROJECT_SHEET_RESERVATION.PENDING_ID)
                .forEach(r -> reservations.computeIfAbsent(r.getProjectId(), k -> new ArrayList<>())
                        .add(new ProjectMoney.Reserved(r.getPendingId(), r.getItem(), r.getAmountFen(), r.getGoods())));
        Map<Long, ProjectMoney.State> states = new java.util.LinkedHashMap<>();
        reads.selectFrom(PROJECT_SHEET).where(projectId == null ? DSL.noCondition() : PROJECT_SHEET.PROJECT_ID.eq(projectId)).orderBy(PROJECT_SHEET.PROJECT_ID).forEach(r -> states.put(r.getProjectId(),
                new ProjectMoney.State(r.getRestrictedNetFen(), r.getDesignatedFen(), r.getGoodsFen(), r.getRaisedFen(),
                        r.getMatchedFen(), r.getOwedToPoolFen(), r.getTransferredInFen(), r.getLeftoverOutFen(),
                        r.getGoodsIssuedFen(), r.getFeesFen(), r.getRefundedFromFundFen(),
                        years.getOrDefault(r.getProjectId(), Map.of()), lines.getOrDefault(r.getProjectId(), List.of()),
                        reservations.getOrDefault(r.getProjectId(), List.of()))));
        return states;
    }

    @Override
    public void rebuildSheets(List<ProjectSheetSaved> rows) {
        rebuild(ProjectSheets.NAME, ProjectSheets.VERSION,
                List.of(PROJECT_SHEET_RESERVATION, PROJECT_SHEET_LINE, PROJECT_SHEET_YEAR, PROJECT_SHEET), dsl -> writeSheets(dsl, rows));
    }

    /**
     * Writes each project's money as the batch left it: the sheet row always; its years, budget lines and reservations
     * only where they differ from what storage held ({@link ProjectSheetSaved#stored()}), so a gift writes two rows.
     */
    private static void writeSheets(DSLContext dsl, List<ProjectSheetSaved> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // What storage held before the run, and the state after it, per project.
        Map<Long, ProjectMoney.State> before = new java.util.LinkedHashMap<>();
        Map<Long, ProjectSheetSaved> last = new java.util.LinkedHashMap<>();
        for (ProjectSheetSaved r : rows) {
            if (!last.containsKey(r.projectId())) {
                before.put(r.projectId(), r.stored());
            }
            last.put(r.projectId(), r);
        }
        List<Object[]> years = new ArrayList<>();
        List<Long> yearsRewritten = new ArrayList<>();
        List<Long> linesRewritten = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Long> reservationsRewritten = new ArrayList<>();
        List<Object[]> reservations = new ArrayList<>();
        for (ProjectSheetSaved r : last.values()) {
            ProjectMoney.State s = r.state();
            ProjectMoney.State was = before.get(r.projectId());
            if (was == null || !s.restrictedIncomeByYear().keySet().containsAll(was.restrictedIncomeByYear().keySet())) {
                // New to storage, or a year closed into net assets has left the sheet: the years are written afresh.
                yearsRewritten.add(r.projectId());
                s.restrictedIncomeByYear().forEach((year, fen) -> years.add(new Object[] {r.projectId(), year, fen}));
            } else {
                s.restrictedIncomeByYear().forEach((year, fen) -> {
                    if (!fen.equals(was.restrictedIncomeByYear().get(year))) {
                        years.add(new Object[] {r.projectId(), year, fen});
                    }
                });
            }
            if (was == null || !was.lines().equals(s.lines())) {
                linesRewritten.add(r.projectId());
                int no = 0;
                for (ProjectMoney.Line l : s.lines()) {
                    lines.add(new Object[] {r.projectId(), ++no, l.item(), l.disbursedFen(), l.reservedFen()});
                }
            }
            if (was == null || !was.reservations().equals(s.reservations())) {
                reservationsRewritten.add(r.projectId());
                for (ProjectMoney.Reserved v : s.reservations()) {
                    reservations.add(new Object[] {v.pendingId(), r.projectId(), v.item(), v.amountFen(), v.goods()});
                }
            }
        }
        RowBatches.upsert(dsl, PROJECT_SHEET, List.of(PROJECT_SHEET.PROJECT_ID), List.of(PROJECT_SHEET.RESTRICTED_NET_FEN,
                PROJECT_SHEET.DESIGNATED_FEN, PROJECT_SHEET.GOODS_FEN, PROJECT_SHEET.RAISED_FEN, PROJECT_SHEET.MATCHED_FEN,
                PROJECT_SHEET.OWED_TO_POOL_FEN, PROJECT_SHEET.TRANSFERRED_IN_FEN, PROJECT_SHEET.LEFTOVER_OUT_FEN,
                PROJECT_SHEET.GOODS_ISSUED_FEN, PROJECT_SHEET.FEES_FEN, PROJECT_SHEET.REFUNDED_FROM_FUND_FEN,
                PROJECT_SHEET.THROUGH_TRANSACTION_ID), last.values().stream().map(r -> {
                    ProjectMoney.State s = r.state();
                    return new Object[] {r.projectId(), s.restrictedNetFen(), s.designatedFen(), s.goodsFen(), s.raisedFen(),
                            s.matchedFen(), s.owedToPoolFen(), s.transferredInFen(), s.leftoverOutFen(), s.goodsIssuedFen(),
                            s.feesFen(), s.refundedFromFundFen(), r.throughTransactionId()};
                }).toList());
        for (List<Long> ids : chunks(yearsRewritten)) {
            dsl.deleteFrom(PROJECT_SHEET_YEAR).where(PROJECT_SHEET_YEAR.PROJECT_ID.in(ids)).execute();
        }
        RowBatches.upsert(dsl, PROJECT_SHEET_YEAR, List.of(PROJECT_SHEET_YEAR.PROJECT_ID, PROJECT_SHEET_YEAR.FISCAL_YEAR),
                List.of(PROJECT_SHEET_YEAR.RESTRICTED_INCOME_FEN), years);
        for (List<Long> ids : chunks(linesRewritten)) {
            dsl.deleteFrom(PROJECT_SHEET_LINE).where(PROJECT_SHEET_LINE.PROJECT_ID.in(ids)).execute();
        }
        RowBatches.insert(dsl, PROJECT_SHEET_LINE, List.of(PROJECT_SHEET_LINE.PROJECT_ID, PROJECT_SHEET_LINE.LINE_NO, PROJECT_SHEET_LINE.ITEM,
                PROJECT_SHEET_LINE.DISBURSED_FEN, PROJECT_SHEET_LINE.RESERVED_FEN), lines);
        for (List<Long> ids : chunks(reservationsRewritten)) {
            dsl.deleteFrom(PROJECT_SHEET_RESERVATION).where(PROJECT_SHEET_RESERVATION.PROJECT_ID.in(ids)).execute();
        }
        RowBatches.insert(dsl, PROJECT_SHEET_RESERVATION, List.of(PROJECT_SHEET_RESERVATION.PENDING_ID, PROJECT_SHEET_RESERVATION.PROJECT_ID,
                PROJECT_SHEET_RESERVATION.ITEM, PROJECT_SHEET_RESERVATION.AMOUNT_FEN, PROJECT_SHEET_RESERVATION.GOODS), reservations);
    }

    @Override
    public boolean sheetsBuilt() {
        return isBuilt(ProjectSheets.NAME, ProjectSheets.VERSION);
    }

    @Override
    public boolean talliesBuilt() {
        return isBuilt(MatchTallies.NAME, MatchTallies.VERSION);
    }

    // --- giving by source and donor ------------------------------------------------------------------------------

    @Override
    public Map<Long, Sheet> sheets() {
        return giving(DSL.noCondition(), DSL.noCondition());
    }

    @Override
    public Sheet sheet(long projectId) {
        return giving(PROJECT_GIVING.PROJECT_ID.eq(projectId), PROJECT_SOURCE.PROJECT_ID.eq(projectId)).getOrDefault(projectId,
                Sheet.empty(projectId));
    }

    private Map<Long, Sheet> giving(org.jooq.Condition projects, org.jooq.Condition sources) {
        Map<Long, List<Source>> bySource = new HashMap<>();
        reads.selectFrom(PROJECT_SOURCE).where(sources)
                .orderBy(PROJECT_SOURCE.PROJECT_ID, PROJECT_SOURCE.CHANNEL, PROJECT_SOURCE.DONOR_KIND)
                .forEach(r -> bySource.computeIfAbsent(r.getProjectId(), k -> new ArrayList<>()).add(new Source(
                        Channel.valueOf(r.getChannel()), DonorKind.valueOf(r.getDonorKind()), r.getGifts(), r.getAmountFen())));
        // In the enums' order (the sheet's own), not the columns' text order, which differs and depends on collation.
        bySource.values().forEach(list -> list.sort(java.util.Comparator.comparing(Source::channel).thenComparing(Source::donorKind)));
        Map<Long, Sheet> sheets = new java.util.LinkedHashMap<>();
        reads.selectFrom(PROJECT_GIVING).where(projects).orderBy(PROJECT_GIVING.PROJECT_ID).forEach(r -> sheets.put(r.getProjectId(),
                new Sheet(r.getProjectId(), bySource.getOrDefault(r.getProjectId(), List.of()), r.getDonors())));
        return sheets;
    }

    @Override
    public Map<ProjectDonor, DonorRow> donors(Collection<ProjectDonor> donors) {
        Map<ProjectDonor, DonorRow> found = new HashMap<>();
        for (List<ProjectDonor> chunk : chunks(List.copyOf(donors))) {
            reads.select(PROJECT_DONOR.PROJECT_ID, PROJECT_DONOR.DONOR_KEY, PROJECT_DONOR.GIFTS, PROJECT_DONOR.STANDING_FEN)
                    .from(PROJECT_DONOR)
                    .where(DSL.row(PROJECT_DONOR.PROJECT_ID, PROJECT_DONOR.DONOR_KEY)
                            .in(chunk.stream().map(d -> DSL.row(d.projectId(), d.donorKey())).toList()))
                    .forEach(r -> found.put(new ProjectDonor(r.value1(), r.value2()), new DonorRow(r.value3(), r.value4())));
        }
        return found;
    }

    @Override
    public boolean givingBuilt() {
        return isBuilt(ProjectGiving.NAME, ProjectGiving.VERSION);
    }

    @Override
    public void rebuildGiving(List<Saved> rows) {
        // The donor rows are shared with the match base: only this projection's columns are cleared.
        rebuild(ProjectGiving.NAME, ProjectGiving.VERSION, List.of(PROJECT_SOURCE, PROJECT_GIVING), dsl -> {
            dsl.update(PROJECT_DONOR).set(PROJECT_DONOR.GIFTS, 0).set(PROJECT_DONOR.STANDING_FEN, 0L).execute();
            writeDonors(dsl, writeGiving(dsl, rows), Map.of());
        });
    }

    /**
     * Writes the projects' giving; returns their donors' rows, which {@link #writeDonors} writes. Sources never go away
     * (a refunded source keeps its row at zero), so each project's are written over what is there.
     */
    private static Map<ProjectDonor, DonorRow> writeGiving(DSLContext dsl, List<Saved> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, Sheet> last = new java.util.LinkedHashMap<>();
        Map<ProjectDonor, DonorRow> donors = new java.util.LinkedHashMap<>();
        for (Saved r : rows) {
            last.put(r.sheet().projectId(), r.sheet());
            r.donors().forEach((key, row) -> donors.put(new ProjectDonor(r.sheet().projectId(), key), row));
        }
        RowBatches.upsert(dsl, PROJECT_GIVING, List.of(PROJECT_GIVING.PROJECT_ID), List.of(PROJECT_GIVING.DONORS),
                last.values().stream().map(sheet -> new Object[] {sheet.projectId(), sheet.donors()}).toList());
        RowBatches.upsert(dsl, PROJECT_SOURCE, List.of(PROJECT_SOURCE.PROJECT_ID, PROJECT_SOURCE.CHANNEL, PROJECT_SOURCE.DONOR_KIND),
                List.of(PROJECT_SOURCE.GIFTS, PROJECT_SOURCE.AMOUNT_FEN), last.values().stream()
                        .flatMap(sheet -> sheet.sources().stream().map(s -> new Object[] {sheet.projectId(), s.channel().name(),
                                s.donorKind().name(), s.gifts(), s.amountFen()})).toList());
        return donors;
    }

    /**
     * Writes the batch's donor rows (V21: one row holds the giving projection's columns and the match base's), each row
     * once: a donor both projections changed, as a restricted gift to a matched project does, in one statement of all
     * three columns; a donor only one of them changed, in a statement of that one's columns, which leaves the other's
     * as they are. H2 thus finds and rewrites the row once, leaving one entry of it in the transaction's undo log for the
     * commit to mark, not two (docs/benchmarks.md, "Fifteenth pass").
     */
    private static void writeDonors(DSLContext dsl, Map<ProjectDonor, DonorRow> giving, Map<ProjectDonor, Long> counted) {
        List<Object[]> both = new ArrayList<>();
        List<Object[]> givingOnly = new ArrayList<>();
        List<Object[]> countedOnly = new ArrayList<>();
        giving.forEach((d, row) -> {
            Long fen = counted.get(d);
            if (fen == null) {
                givingOnly.add(new Object[] {d.projectId(), d.donorKey(), row.gifts(), row.standingFen()});
            } else {
                both.add(new Object[] {d.projectId(), d.donorKey(), row.gifts(), row.standingFen(), fen});
            }
        });
        counted.forEach((d, fen) -> {
            if (!giving.containsKey(d)) {
                countedOnly.add(new Object[] {d.projectId(), d.donorKey(), fen});
            }
        });
        List<Field<?>> key = List.of(PROJECT_DONOR.PROJECT_ID, PROJECT_DONOR.DONOR_KEY);
        RowBatches.upsert(dsl, PROJECT_DONOR, key, List.of(PROJECT_DONOR.GIFTS, PROJECT_DONOR.STANDING_FEN,
                PROJECT_DONOR.COUNTED_FEN), both);
        RowBatches.upsert(dsl, PROJECT_DONOR, key, List.of(PROJECT_DONOR.GIFTS, PROJECT_DONOR.STANDING_FEN), givingOnly);
        RowBatches.upsert(dsl, PROJECT_DONOR, key, List.of(PROJECT_DONOR.COUNTED_FEN), countedOnly);
    }

    // --- which projections are built ----------------------------------------------------------------------------

    private boolean isBuilt(String name, int version) {
        return isBuilt(reads, name, version);
    }

    /** Whether {@code projection_built} marks the projection built at this version. */
    static boolean isBuilt(DSLContext reads, String name, int version) {
        Integer v = reads.select(PROJECTION_BUILT.VERSION).from(PROJECTION_BUILT).where(PROJECTION_BUILT.NAME.eq(name))
                .fetchOne(PROJECTION_BUILT.VERSION);
        return v != null && v == version;
    }

    /** Empties a projection's tables, writes its rows afresh and marks it built, in one transaction. */
    private void rebuild(String name, int version, List<org.jooq.Table<?>> tables, java.util.function.Consumer<DSLContext> write) {
        reads.transaction(c -> {
            DSLContext dsl = DSL.using(c);
            tables.forEach(t -> dsl.deleteFrom(t).execute());
            write.accept(dsl);
            markBuilt(dsl, name, version);
        });
    }

    static void markBuilt(DSLContext dsl, String name, int version) {
        dsl.deleteFrom(PROJECTION_BUILT).where(PROJECTION_BUILT.NAME.eq(name)).execute();
        dsl.insertInto(PROJECTION_BUILT).set(PROJECTION_BUILT.NAME, name).set(PROJECTION_BUILT.VERSION, version).execute();
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT)));
        }
        return chunks;
    }

    // --- writes -----------------------------------------------------------------------------------------------

    @Override
    public void write(DSLContext dsl, BatchRecord record) {
        writeAll(dsl, List.of(record));
    }

    @Override
    public void writeAll(DSLContext dsl, List<BatchRecord> records) {
        List<ProjectMatchSaved> matches = new ArrayList<>();
        List<ProjectSheetSaved> sheets = new ArrayList<>();
        List<Saved> giving = new ArrayList<>();
        for (BatchRecord r : records) {
            switch (r) {
                case ProjectMatchSaved m -> matches.add(m);
                case ProjectSheetSaved m -> sheets.add(m);
                case Saved g -> giving.add(g);
                default -> throw new IllegalArgumentException("not a projection row: " + r);
            }
        }
        writeSheets(dsl, sheets);
        Map<ProjectDonor, Long> counted = writeMatches(dsl, matches);
        writeDonors(dsl, writeGiving(dsl, giving), counted);
    }
}
