package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.TrialBalance;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.AccountingMonth;
import org.mingzhang.journal.ChainCheckpoint;
import org.mingzhang.journal.ChainHash;
import org.mingzhang.journal.ChainVerification;
import org.mingzhang.journal.CreatePending;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostPending;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Reverse;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.VoidPending;

/**
 * The two projections the writer keeps with the journal (issue 10), on a real database. Checkpoints of the chain: with a
 * checkpoint every third transaction, the rows are checked by hand, the quick verification is shown to start at the last
 * one and the full one to check them all, and tampering is done with plain SQL by someone with the owner's rights (the
 * append-only triggers taken off first): an edited transaction, a chain rewritten so that every link holds, an edited
 * checkpoint. Period balances: entries on both sides of a month's first instant in China Standard Time, a reversal, and a
 * reservation posted in part and one voided give rows checked by hand; balances as of instants around every boundary
 * equal the sums over the journal's legs; and the migration's backfill, run again over the writer's journal, gives back
 * exactly the writer's rows. The same suite runs on H2 and on PostgreSQL.
 */
abstract class CheckpointsAndPeriodsSuite extends LedgerOnDatabase {

    static final int EVERY = 3;
    /** The last microsecond of January 2025 and the first of February, China Standard Time. */
    static final Instant JAN_END = Instant.parse("2025-01-31T15:59:59.999999Z");
    static final Instant FEB_START = Instant.parse("2025-01-31T16:00:00Z");
    static final Instant JAN_MID = Instant.parse("2025-01-20T02:00:00Z");
    static final Instant MAR_MID = Instant.parse("2025-03-10T02:00:00Z");

    @Override
    LedgerWriter.Settings writerSettings() {
        return LedgerWriter.Settings.DEFAULT.withTransactionsPerCheckpoint(EVERY);
    }

    /** Takes the append-only trigger off one table, as only someone with the database owner's rights could. */
    abstract void dropAppendOnlyGuard(Statement statement, String table) throws SQLException;

    /** The migration script that backfills period balances for this database. */
    abstract String backfillScript();

    List<Transaction> deposits(int count) {
        List<Transaction> booked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            booked.add(f.deposit("A", 1_00 + i));
        }
        return booked;
    }

    // --- checkpoints --------------------------------------------------------------------------------------------

    @Test
    @DisplayName("when transactions are written then every third brings a checkpoint with its hash and the count so far; "
            + "refusals and replays count for nothing")
    void checkpointEveryThird() {
        f.fund("A");
        List<Transaction> t = new ArrayList<>(deposits(2));
        PostEntry entry = new PostEntry("cp-" + f.prefix, "test", TransactionKind.MANUAL, f.code("A"), "gift", JAN_MID,
                References.NONE, List.of(debit("1002", 5_00), credit("410101", 5_00)));
        t.add(ledger.execute(entry).value());
        assertThat(ledger.execute(entry).value()).isEqualTo(t.get(2));
        assertThat(f.post("A", debit("1002", 1), credit("410101", 2)).accepted()).isFalse();
        t.addAll(deposits(4));

        assertThat(ledger.reads().checkpoints(0, 100)).containsExactly(
                new ChainCheckpoint(t.get(2).id(), t.get(2).hash(), 3),
                new ChainCheckpoint(t.get(5).id(), t.get(5).hash(), 6));
        assertThat(ledger.reads().lastCheckpoint()).contains(new ChainCheckpoint(t.get(5).id(), t.get(5).hash(), 6));
        assertThat(ledger.reads().checkpoints(t.get(2).id(), 100)).extracting(ChainCheckpoint::transactionId)
                .containsExactly(t.get(5).id());
    }

    @Test
    @DisplayName("when the chain is verified by default then it starts at the last checkpoint; in full it rehashes all "
            + "and checks every checkpoint; both count the same chain")
    void quickAndFull() {
        f.fund("A");
        List<Transaction> t = deposits(7);

        ChainVerification quick = ledger.verify(false);
        assertThat(quick.ok()).isTrue();
        assertThat(quick.full()).isFalse();
        assertThat(quick.fromTransactionId()).isEqualTo(t.get(5).id());
        assertThat(quick.transactionsRehashed()).isEqualTo(2);
        assertThat(quick.checkpoints()).isEqualTo(1);
        assertThat(quick.transactions()).isEqualTo(7);
        assertThat(quick.headHash()).isEqualTo(t.get(6).hash());

        ChainVerification full = ledger.verify(true);
        assertThat(full.ok()).isTrue();
        assertThat(full.full()).isTrue();
        assertThat(full.fromTransactionId()).isEqualTo(t.get(0).id());
        assertThat(full.transactionsRehashed()).isEqualTo(7);
        assertThat(full.checkpoints()).isEqualTo(2);
        assertThat(full.transactions()).isEqualTo(7);
        assertThat(full.headHash()).isEqualTo(t.get(6).hash());
        assertThat(ledger.verify()).isEqualTo(full);
    }

    @Test
    @DisplayName("when there is no checkpoint yet then the quick verification starts at the first transaction")
    void noCheckpointYet() {
        ChainVerification empty = ledger.verify(false);
        assertThat(empty.ok()).isTrue();
        assertThat(empty.transactions()).isZero();
        assertThat(empty.fromTransactionId()).isNull();
        assertThat(empty.headHash()).isEqualTo(ChainHash.GENESIS);

        f.fund("A");
        List<Transaction> t = deposits(2);
        ChainVerification quick = ledger.verify(false);
        assertThat(quick.ok()).isTrue();
        assertThat(quick.fromTransactionId()).isEqualTo(t.get(0).id());
        assertThat(quick.transactionsRehashed()).isEqualTo(2);
        assertThat(quick.checkpoints()).isZero();
        assertThat(quick.transactions()).isEqualTo(2);
    }

    @Test
    @DisplayName("when the ledger restarts between checkpoints then it counts on from the journal and the next comes on time")
    void restartCountsOn() {
        f.fund("A");
        List<Transaction> t = new ArrayList<>(deposits(4));
        ledger.close();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
        f = new LedgerFixture(ledger, f.prefix);
        t.addAll(deposits(1));
        ledger.close();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
        f = new LedgerFixture(ledger, f.prefix);
        t.addAll(deposits(2));

        assertThat(ledger.reads().checkpoints(0, 100)).extracting(ChainCheckpoint::transactionId, ChainCheckpoint::transactionCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(t.get(2).id(), 3L),
                        org.assertj.core.groups.Tuple.tuple(t.get(5).id(), 6L));
        assertThat(ledger.verify(true).ok()).isTrue();
    }

    @Test
    @DisplayName("when a transaction before the last checkpoint is edited then only the full verification names it")
    void editBeforeTheLastCheckpoint() throws SQLException {
        f.fund("A");
        List<Transaction> t = deposits(7);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            dropAppendOnlyGuard(s, "journal_transaction");
            s.execute("UPDATE journal_transaction SET memo = 'edited' WHERE id = " + t.get(1).id());
        }
        // The quick check vouches for what lies before the last checkpoint without reading it: that is its bargain.
        assertThat(ledger.verify(false).ok()).isTrue();
        ChainVerification full = ledger.verify(true);
        assertThat(full.ok()).isFalse();
        assertThat(full.firstBrokenTransactionId()).isEqualTo(t.get(1).id());
        assertThat(full.firstBrokenCheckpointId()).as("the checkpoints still agree with the stored hashes").isNull();
        assertThat(full.transactions()).isEqualTo(7);
    }

    @Test
    @DisplayName("when a transaction is edited and every hash after it rewritten so that all links hold then the "
            + "checkpoints give it away, to the full verification and to the quick one")
    void rewrittenChain() throws SQLException {
        f.fund("A");
        List<Transaction> t = deposits(7);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             PreparedStatement update = c.prepareStatement("UPDATE journal_transaction SET memo = ?, prev_hash = ?, hash = ? "
                     + "WHERE id = ?")) {
            dropAppendOnlyGuard(s, "journal_transaction");
            String prev = t.get(0).hash();
            for (Transaction original : t.subList(1, t.size())) {
                String memo = original.id() == t.get(1).id() ? "edited" : original.memo();
                Transaction unhashed = withChain(original, memo, prev, "");
                Transaction rewritten = withChain(original, memo, prev, ChainHash.of(unhashed));
                update.setString(1, memo);
                update.setString(2, prev);
                update.setString(3, rewritten.hash());
                update.setLong(4, original.id());
                assertThat(update.executeUpdate()).isEqualTo(1);
                prev = rewritten.hash();
            }
        }
        ChainVerification full = ledger.verify(true);
        assertThat(full.firstBrokenTransactionId()).as("every link holds").isNull();
        assertThat(full.ok()).isFalse();
        assertThat(full.firstBrokenCheckpointId()).isEqualTo(t.get(2).id());
        ChainVerification quick = ledger.verify(false);
        assertThat(quick.ok()).isFalse();
        assertThat(quick.firstBrokenCheckpointId()).isEqualTo(t.get(5).id());
    }

    @Test
    @DisplayName("when a checkpoint's hash is edited then the full verification names it, and the quick one when it is the last")
    void editedCheckpointHash() throws SQLException {
        f.fund("A");
        List<Transaction> t = deposits(7);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            dropAppendOnlyGuard(s, "chain_checkpoint");
            s.execute("UPDATE chain_checkpoint SET hash = '" + t.get(3).hash() + "' WHERE transaction_id = " + t.get(2).id());
        }
        ChainVerification full = ledger.verify(true);
        assertThat(full.ok()).isFalse();
        assertThat(full.firstBrokenTransactionId()).isNull();
        assertThat(full.firstBrokenCheckpointId()).isEqualTo(t.get(2).id());
        assertThat(ledger.verify(false).ok()).as("the quick check reads only the last checkpoint").isTrue();

        sql("UPDATE chain_checkpoint SET hash = '" + t.get(4).hash() + "' WHERE transaction_id = " + t.get(5).id());
        ChainVerification quick = ledger.verify(false);
        assertThat(quick.ok()).isFalse();
        assertThat(quick.firstBrokenCheckpointId()).isEqualTo(t.get(5).id());
        assertThat(quick.firstBrokenTransactionId()).isNull();
    }

    @Test
    @DisplayName("when a checkpoint's count is edited then the full verification names it")
    void editedCheckpointCount() throws SQLException {
        f.fund("A");
        List<Transaction> t = deposits(7);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            dropAppendOnlyGuard(s, "chain_checkpoint");
            s.execute("UPDATE chain_checkpoint SET transaction_count = 5 WHERE transaction_id = " + t.get(5).id());
        }
        ChainVerification full = ledger.verify(true);
        assertThat(full.ok()).isFalse();
        assertThat(full.firstBrokenCheckpointId()).isEqualTo(t.get(5).id());
        assertThat(full.transactions()).isEqualTo(7);
    }

    @Test
    @DisplayName("when checkpoint rows are updated or deleted with plain SQL then the database refuses")
    void checkpointsAreAppendOnly() {
        f.fund("A");
        deposits(3);
        assertThatThrownBy(() -> sql("UPDATE chain_checkpoint SET transaction_count = 1")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM chain_checkpoint")).hasMessageContaining("append-only");
        assertThat(ledger.reads().checkpoints(0, 10)).hasSize(1);
    }

    private static Transaction withChain(Transaction t, String memo, String prevHash, String hash) {
        return new Transaction(t.id(), t.idempotencyKey(), t.requestHash(), t.fundId(), t.kind(), t.phase(), memo, t.occurredAt(),
                t.recordedAt(), t.reversesId(), t.pendingId(), t.references(), t.recordedBy(), prevHash, hash, t.legs());
    }

    // --- period balances ----------------------------------------------------------------------------------------

    /** Books of two funds with postings on both sides of February's first instant, a reversal, a reservation posted in part and one voided. */
    private record Books(Fund a, Fund b, Transaction posted) {
    }

    private Books keepBooks() {
        Fund a = f.fund("A");
        Fund b = f.fund("B");
        f.post("A", JAN_END, debit("1002", 100_00), credit("410101", 100_00)).value();
        Transaction feb = f.post("A", FEB_START, debit("1002", 200_00), credit("410101", 200_00)).value();
        ledger.execute(new Reverse(LedgerFixture.key(), "test", feb.id(), "entered in the wrong fund", MAR_MID)).value();
        Transaction hold = ledger.execute(new CreatePending(LedgerFixture.key(), "test", TransactionKind.DISBURSEMENT, f.code("A"),
                "5101", "1002", 50_00, "approved payment", JAN_MID, References.NONE)).value();
        Transaction posted = ledger.execute(new PostPending(LedgerFixture.key(), "test", hold.id(), 30_00L, null)).value();
        Transaction hold2 = ledger.execute(new CreatePending(LedgerFixture.key(), "test", TransactionKind.DISBURSEMENT,
                f.code("A"), "5101", "1002", 10_00, "second", JAN_MID, References.NONE)).value();
        ledger.execute(new VoidPending(LedgerFixture.key(), "test", hold2.id(), "rejected")).value();
        // Linked across two funds, dated at February's first instant.
        f.post("A", FEB_START, debit("2901", 20_00), credit("1002", 20_00),
                debit("1002", 20_00).inFund(f.code("B")), credit("1901", 20_00).inFund(f.code("B"))).value();
        return new Books(a, b, posted);
    }

    @Test
    @DisplayName("when postings fall on both sides of a month's first instant, are reversed, reserved, posted and voided "
            + "then each month's row holds exactly its posted legs, and a posting in the month it was posted")
    void periodRows() throws SQLException {
        Books books = keepBooks();
        int now = AccountingMonth.of(books.posted().occurredAt());
        Map<String, List<Long>> expected = new TreeMap<>();
        expected.put("A:1002:202501", List.of(100_00L, 0L));
        expected.put("A:410101:202501", List.of(0L, 100_00L));
        expected.put("A:1002:202502", List.of(200_00L, 20_00L));
        expected.put("A:410101:202502", List.of(0L, 200_00L));
        expected.put("A:2901:202502", List.of(20_00L, 0L));
        expected.put("B:1002:202502", List.of(20_00L, 0L));
        expected.put("B:1901:202502", List.of(0L, 20_00L));
        expected.put("A:410101:202503", List.of(200_00L, 0L));
        expected.put("A:1002:202503", List.of(0L, 200_00L));
        expected.put("A:5101:" + now, List.of(30_00L, 0L));
        expected.put("A:1002:" + now, List.of(0L, 30_00L));
        assertThat(periodRows(books)).isEqualTo(expected);
    }

    @Test
    @DisplayName("when balances are asked as of instants around every month's first instant then the period balances give "
            + "what summing every leg of the journal gives")
    void asOfEqualsTheJournal() {
        Books books = keepBooks();
        List<Long> funds = List.of(books.a().id(), books.b().id());
        List<Instant> instants = new ArrayList<>();
        for (Instant at : List.of(JAN_MID, JAN_END, FEB_START, MAR_MID, AccountingMonth.start(202503), AccountingMonth.start(202504),
                books.posted().occurredAt(), AccountingMonth.start(AccountingMonth.of(books.posted().occurredAt())),
                Instant.parse("2024-12-31T16:00:00Z"))) {
            instants.add(at.minus(1, ChronoUnit.MICROS));
            instants.add(at);
            instants.add(at.plus(1, ChronoUnit.MICROS));
        }
        instants.add(books.posted().occurredAt().plus(1, ChronoUnit.DAYS));
        for (Instant at : instants) {
            assertThat(nonZero(ledger.reads().periodTotalsAsOf(funds, at))).as("as of %s", at)
                    .isEqualTo(nonZero(ledger.reads().postedTotalsAsOf(funds, at)));
        }
        // And through the ledger's own answers.
        assertThat(ledger.balanceFen(f.account("A", "1002"), JAN_END)).isEqualTo(100_00);
        assertThat(ledger.balanceFen(f.account("A", "1002"), FEB_START)).isEqualTo(280_00);
        assertThat(ledger.balanceFen(f.account("A", "1002"), MAR_MID)).isEqualTo(80_00);
        assertThat(ledger.balanceFen(f.account("A", "1002"), books.posted().occurredAt())).isEqualTo(50_00);
        TrialBalance feb = ledger.trialBalance(books.a(), FEB_START, false);
        assertThat(feb.totalDebitFen()).isEqualTo(feb.totalCreditFen()).isEqualTo(300_00);
    }

    @Test
    @DisplayName("when the migration's backfill runs again over the journal the writer kept then it gives back exactly "
            + "the writer's rows")
    void backfillGivesTheWritersRows() throws SQLException, IOException {
        Books books = keepBooks();
        Map<String, List<Long>> written = periodRows(books);
        sql("DELETE FROM period_balance");
        assertThat(periodRows(books)).isEmpty();
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(backfillScript())) {
            assertThat(in).as(backfillScript()).isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        sql(script.trim().replaceAll(";$", ""));
        assertThat(periodRows(books)).isEqualTo(written);
    }

    /** Every period row of the two funds, as "fund:account:yyyymm" → [debits, credits]. */
    private Map<String, List<Long>> periodRows(Books books) throws SQLException {
        Map<String, List<Long>> rows = new TreeMap<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT p.fund_id, a.code, p.period, p.debits_posted_fen, p.credits_posted_fen "
                     + "FROM period_balance p JOIN account a ON a.id = p.account_id WHERE p.fund_id IN ("
                     + books.a().id() + ", " + books.b().id() + ")")) {
            while (rs.next()) {
                String fund = rs.getLong(1) == books.a().id() ? "A" : "B";
                rows.put(fund + ":" + rs.getString(2) + ":" + rs.getInt(3), List.of(rs.getLong(4), rs.getLong(5)));
            }
        }
        return rows;
    }

    /** The totals with accounts that moved nothing left out, as lists that compare by value. */
    static Map<Long, List<Long>> nonZero(Map<Long, long[]> totals) {
        Map<Long, List<Long>> kept = new TreeMap<>();
        totals.forEach((account, dc) -> {
            if (dc[0] != 0 || dc[1] != 0) {
                kept.put(account, List.of(dc[0], dc[1]));
            }
        });
        return kept;
    }
}
