package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.AccountingMonth;
import org.mingzhang.journal.ChainVerification;
import org.mingzhang.journal.CreatePending;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostPending;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Reverse;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.TransactionQuery;
import org.mingzhang.journal.VoidPending;
import org.mingzhang.money.Money;

/**
 * The projections under random use. Each try opens two funds (the second guarded throughout, so some commands are
 * refused) and drives a random sequence of entries, cross-fund transfers, reversals, reservations, partial and whole
 * posts and voids (after money has come into both banks), dated in random months of 2025 and 2026 and leaning on the first and last microsecond of a month in
 * China Standard Time; amounts lean towards 1 fen and the largest line. Checked after each try: every period balance
 * row of the two funds equals the sum of the posted legs of its account and month as the journal holds them (and no
 * other row exists); balances as of instants around every month boundary and every event time of the try, read from
 * the period balances, equal the sums over every leg of the journal; and the chain verifies in full and from its last
 * checkpoint (one every seven transactions) to the same head and count.
 */
abstract class CheckpointsAndPeriodsProperties {

    enum Kind { ENTRY, CROSS_FUND, REVERSE, RESERVE, POST, VOID }

    record Action(Kind kind, int fund, int a, int b, int pick, long amount, int month, int where) {
    }

    /** January 2025, China Standard Time: the months of a try run from here to June 2026, before the test clock's now. */
    private static final int FIRST_MONTH = 202501;
    private static final int MONTHS = 18;
    private static final List<String> CODES = List.of("1002", "410101", "5101", "2209", "1122");

    TestDatabases.TestDatabase handle;
    Ledger ledger;

    abstract TestDatabases.TestDatabase openDatabase();

    @BeforeProperty
    void open() {
        handle = openDatabase();
        ledger = LedgerAssembly.open(handle.database().ports(), org.mingzhang.journal.TestClock.in2026(),
                LedgerWriter.Settings.DEFAULT.withTransactionsPerCheckpoint(7));
    }

    @AfterProperty
    void close() {
        ledger.close();
        handle.close();
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(1L)),
                Tuple.of(6, Arbitraries.longs().between(1, 1_000_00)),
                Tuple.of(1, Arbitraries.of(Money.FEN_MAX, Money.FEN_MAX - 1)));
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Kind.ENTRY)), Tuple.of(2, Arbitraries.just(Kind.CROSS_FUND)),
                Tuple.of(3, Arbitraries.just(Kind.REVERSE)), Tuple.of(3, Arbitraries.just(Kind.RESERVE)),
                Tuple.of(2, Arbitraries.just(Kind.POST)), Tuple.of(2, Arbitraries.just(Kind.VOID)));
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 99);
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 1), small, small, small, amounts,
                        Arbitraries.integers().between(0, MONTHS - 1), Arbitraries.integers().between(0, 3))
                .as(Action::new).list().ofMinSize(1).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 60)
    void periodBalancesAndCheckpointsFollowTheJournal(@ForAll("actions") List<Action> actions) throws SQLException {
        LedgerFixture f = new LedgerFixture(ledger);
        List<Fund> funds = List.of(f.fund("A", FundLevel.CITY, null, false), f.fund("B", FundLevel.CITY, null, true));
        List<Transaction> booked = new ArrayList<>();
        TreeSet<Instant> instants = new TreeSet<>();
        // Money in both banks first, so that fewer commands are refused for want of it.
        for (String fund : List.of("A", "B")) {
            booked.add(ledger.execute(entry(f.code(fund), AccountingMonth.start(FIRST_MONTH), List.of(
                    PostingLine.debit("1002", 1_000_000_00), PostingLine.credit("410101", 1_000_000_00)))).value());
        }
        for (Action act : actions) {
            Instant at = eventTime(act);
            instants.add(at);
            Outcome<Transaction> outcome = ledger.execute(command(f, act, at, booked));
            if (outcome instanceof Outcome.Accepted<Transaction> accepted && !accepted.replayed()) {
                booked.add(accepted.value());
                instants.add(accepted.value().occurredAt());
                Statistics.label("accepted").collect(act.kind(), accepted.value().phase());
            } else {
                Statistics.label("refused").collect(act.kind());
            }
        }

        List<Long> fundIds = funds.stream().map(Fund::id).toList();
        assertThat(periodRows(fundIds)).isEqualTo(legsByMonth(fundIds));

        for (int m = 0; m <= MONTHS; m++) {
            Instant start = AccountingMonth.start(month(m));
            instants.add(start);
            instants.add(start.minus(1, ChronoUnit.MICROS));
        }
        instants.add(Instant.now().plus(1, ChronoUnit.DAYS));
        for (Instant at : instants) {
            assertThat(CheckpointsAndPeriodsSuite.nonZero(ledger.reads().periodTotalsAsOf(fundIds, at))).as("as of %s", at)
                    .isEqualTo(CheckpointsAndPeriodsSuite.nonZero(ledger.reads().postedTotalsAsOf(fundIds, at)));
        }

        ChainVerification full = ledger.verify(true);
        ChainVerification quick = ledger.verify(false);
        assertThat(full.ok()).as("%s", full).isTrue();
        assertThat(quick.ok()).as("%s", quick).isTrue();
        assertThat(quick.transactions()).isEqualTo(full.transactions());
        assertThat(quick.headHash()).isEqualTo(full.headHash());
        assertThat(quick.transactionsRehashed()).isLessThanOrEqualTo(7);
        assertThat(full.checkpoints()).isEqualTo(full.transactions() / 7);
    }

    private static int month(int m) {
        int index = (FIRST_MONTH / 100) * 12 + (FIRST_MONTH % 100 - 1) + m;
        return (index / 12) * 100 + index % 12 + 1;
    }

    /** A month's first or last microsecond, or a moment inside it. */
    private static Instant eventTime(Action act) {
        Instant start = AccountingMonth.start(month(act.month()));
        Instant next = AccountingMonth.start(month(act.month() + 1));
        return switch (act.where()) {
            case 0 -> start;
            case 1 -> next.minus(1, ChronoUnit.MICROS);
            default -> start.plusSeconds(act.pick() * 7_919L + act.a());
        };
    }

    private static LedgerCommand<Transaction> command(LedgerFixture f, Action act, Instant at, List<Transaction> booked) {
        String fund = f.code(act.fund() == 0 ? "A" : "B");
        String debit = CODES.get(act.a() % CODES.size());
        String credit = CODES.get(act.b() % CODES.size());
        Transaction target = booked.isEmpty() ? null : booked.get(act.pick() % booked.size());
        List<Transaction> pendings = booked.stream().filter(t -> t.phase() == org.mingzhang.journal.Phase.PENDING).toList();
        // Posts and voids aim at reservations mostly (some already resolved), now and then at anything else.
        Transaction reservation = pendings.isEmpty() || act.where() == 3 ? target : pendings.get(act.pick() % pendings.size());
        return switch (act.kind()) {
            case ENTRY -> entry(fund, at, List.of(PostingLine.debit(debit, act.amount()), PostingLine.credit(credit, act.amount())));
            case CROSS_FUND -> entry(f.code("A"), at, List.of(PostingLine.debit("5101", act.amount()),
                    PostingLine.credit("1002", act.amount()), PostingLine.debit("1002", act.amount()).inFund(f.code("B")),
                    PostingLine.credit("410101", act.amount()).inFund(f.code("B"))));
            case REVERSE -> target == null ? entry(fund, at, List.of(PostingLine.debit("1002", 1), PostingLine.credit("410101", 1)))
                    // A reversal dated in its own month, or now.
                    : new Reverse(LedgerFixture.key(), "property", target.id(), "property reversal", act.where() == 3 ? null : at);
            case RESERVE -> new CreatePending(LedgerFixture.key(), "property", TransactionKind.TRANSFER, fund, debit, credit,
                    act.amount(), "hold", at, References.NONE);
            case POST -> new PostPending(LedgerFixture.key(), "property", reservation == null ? 999_999 : reservation.id(),
                    act.pick() % 3 == 0 ? null : act.amount(), null);
            case VOID -> new VoidPending(LedgerFixture.key(), "property", reservation == null ? 999_999 : reservation.id(),
                    "property void");
        };
    }

    private static PostEntry entry(String fundCode, Instant at, List<PostingLine> lines) {
        return new PostEntry(LedgerFixture.key(), "property", TransactionKind.MANUAL, fundCode, "property entry", at,
                References.NONE, lines);
    }

    /** The posted legs of the journal in these funds, summed per "fund:account:yyyymm" of their event time. */
    private Map<String, List<Long>> legsByMonth(List<Long> fundIds) {
        Map<String, long[]> sums = new TreeMap<>();
        for (long fundId : fundIds) {
            long after = 0;
            List<Transaction> page;
            do {
                page = ledger.reads().transactions(new TransactionQuery(fundId, null, null, after, TransactionQuery.LIMIT_MAX));
                for (Transaction t : page) {
                    int period = AccountingMonth.of(t.occurredAt());
                    for (Leg leg : t.legs()) {
                        if (leg.posted() && leg.fundId() == fundId) {
                            sums.computeIfAbsent(fundId + ":" + leg.debitAccountId() + ":" + period, k -> new long[2])[0] += leg.amountFen();
                            sums.computeIfAbsent(fundId + ":" + leg.creditAccountId() + ":" + period, k -> new long[2])[1] += leg.amountFen();
                        }
                    }
                    after = t.id();
                }
            } while (page.size() == TransactionQuery.LIMIT_MAX);
        }
        Map<String, List<Long>> result = new TreeMap<>();
        sums.forEach((key, dc) -> result.put(key, List.of(dc[0], dc[1])));
        return result;
    }

    private Map<String, List<Long>> periodRows(List<Long> fundIds) throws SQLException {
        Map<String, List<Long>> rows = new TreeMap<>();
        try (Connection c = handle.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT fund_id, account_id, period, debits_posted_fen, credits_posted_fen "
                     + "FROM period_balance WHERE fund_id IN (" + fundIds.get(0) + ", " + fundIds.get(1) + ")")) {
            while (rs.next()) {
                rows.put(rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getInt(3), List.of(rs.getLong(4), rs.getLong(5)));
            }
        }
        return rows;
    }
}
