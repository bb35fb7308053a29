package org.mingzhang.store;

import static org.mingzhang.store.JooqJournalStore.odt;
import static org.mingzhang.store.jooq.Tables.ACCOUNT;
import static org.mingzhang.store.jooq.Tables.JOURNAL_LEG;
import static org.mingzhang.store.jooq.Tables.JOURNAL_TRANSACTION;
import static org.mingzhang.store.jooq.Tables.YEAR_CLOSE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.mingzhang.closing.ClosingStore;
import org.mingzhang.closing.YearClose;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.journal.FiscalYear;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.user.Actor;

/** Year-end closes through jOOQ: a row per closed year; the closing entries themselves are in the journal. */
final class JooqClosingStore implements ClosingStore, RecordWriter {

    /**
     * The journal's year-closing entries: a literal, so PostgreSQL's partial index of those rows (V20) applies to any
     * plan ({@code StartUpIndexesTest}).
     */
    static final Condition YEAR_CLOSE_ROWS = JOURNAL_TRANSACTION.KIND.eq(DSL.inline(TransactionKind.YEAR_CLOSE.name()));

    private final DSLContext reads;

    JooqClosingStore(DSLContext reads) {
        this.reads = reads;
    }

    @Override
    public List<YearClose> yearCloses() {
        Map<String, List<Long>> entries = new HashMap<>();
        reads.select(JOURNAL_TRANSACTION.FUND_ID, JOURNAL_TRANSACTION.OCCURRED_AT, JOURNAL_TRANSACTION.ID).from(JOURNAL_TRANSACTION)
                .where(YEAR_CLOSE_ROWS).orderBy(JOURNAL_TRANSACTION.ID)
                .forEach(r -> entries.computeIfAbsent(r.value1() + ":" + FiscalYear.of(r.value2().toInstant()),
                        k -> new ArrayList<>()).add(r.value3()));
        return reads.selectFrom(YEAR_CLOSE).orderBy(YEAR_CLOSE.FUND_ID, YEAR_CLOSE.FISCAL_YEAR)
                .fetch(r -> new YearClose(r.getFundId(), r.getFiscalYear(), r.getClosedThrough().toInstant(),
                        entries.getOrDefault(r.getFundId() + ":" + r.getFiscalYear(), List.of()),
                        new Actor(r.getClosedById(), r.getClosedByName()), r.getClosedAt().toInstant()));
    }

    @Override
    public OptionalInt firstYear(long fundId) {
        OffsetDateTime first = reads.select(DSL.min(JOURNAL_LEG.OCCURRED_AT)).from(JOURNAL_LEG)
                .where(JOURNAL_LEG.FUND_ID.eq(fundId)).fetchOne(0, OffsetDateTime.class);
        return first == null ? OptionalInt.empty() : OptionalInt.of(FiscalYear.of(first.toInstant()));
    }

    @Override
    public Map<String, Map<String, Long>> incomeAndExpensesAsOf(long fundId, Instant asOf) {
        Condition legs = JOURNAL_LEG.FUND_ID.eq(fundId).and(JOURNAL_LEG.POSTED.isTrue()).and(JOURNAL_LEG.OCCURRED_AT.le(odt(asOf)))
                .and(ACCOUNT.TYPE.in("INCOME", "EXPENSE"));
        Field<String> tag = DSL.field(DSL.name("tag"), String.class);
        Field<String> code = DSL.field(DSL.name("code"), String.class);
        Field<Long> fen = DSL.field(DSL.name("fen"), Long.class);
        // One statement, debits and credits read as of one moment.
        var sides = DSL.select(JOURNAL_TRANSACTION.PROJECT_REF.as(tag), ACCOUNT.CODE.as(code), JOURNAL_LEG.AMOUNT_FEN.as(fen))
                .from(JOURNAL_LEG).join(JOURNAL_TRANSACTION).on(JOURNAL_TRANSACTION.ID.eq(JOURNAL_LEG.TRANSACTION_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LEG.DEBIT_ACCOUNT_ID)).where(legs)
                .unionAll(DSL.select(JOURNAL_TRANSACTION.PROJECT_REF, ACCOUNT.CODE, JOURNAL_LEG.AMOUNT_FEN.neg())
                        .from(JOURNAL_LEG).join(JOURNAL_TRANSACTION).on(JOURNAL_TRANSACTION.ID.eq(JOURNAL_LEG.TRANSACTION_ID))
                        .join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LEG.CREDIT_ACCOUNT_ID)).where(legs))
                .asTable("sides");
        Map<String, Map<String, Long>> byTag = new HashMap<>();
        reads.select(sides.field(tag), sides.field(code), DSL.sum(sides.field(fen))).from(sides)
                .groupBy(sides.field(tag), sides.field(code))
                .forEach(r -> byTag.computeIfAbsent(r.value1(), k -> new TreeMap<>()).put(r.value2(), r.value3().longValueExact()));
        return byTag;
    }

    @Override
    public void write(DSLContext dsl, BatchRecord record) {
        YearClose c = (YearClose) record;
        dsl.insertInto(YEAR_CLOSE).set(YEAR_CLOSE.FUND_ID, c.fundId()).set(YEAR_CLOSE.FISCAL_YEAR, c.year())
                .set(YEAR_CLOSE.CLOSED_THROUGH, odt(c.closedThrough())).set(YEAR_CLOSE.ENTRIES, c.transactionIds().size())
                .set(YEAR_CLOSE.CLOSED_BY_ID, c.closedBy().userId()).set(YEAR_CLOSE.CLOSED_BY_NAME, c.closedBy().name())
                .set(YEAR_CLOSE.CLOSED_AT, odt(c.closedAt())).execute();
    }
}
