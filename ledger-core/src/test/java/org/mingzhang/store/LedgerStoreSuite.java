package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.TrialBalance;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.ClosePeriod;
import org.mingzhang.journal.CreatePending;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Phase;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostPending;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.Reverse;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.VoidPending;

/**
 * The ledger on a real database, end to end through the single writer and the jOOQ store. Each test
 * states a rule an accountant relies on and checks it through balances, the trial balance, the journal
 * and the chain; refused commands are checked to leave the journal exactly as it was. The same suite
 * runs on H2 and on PostgreSQL (see the two subclasses), and the database's own guards are checked by
 * going around the application with plain SQL.
 */
abstract class LedgerStoreSuite extends LedgerOnDatabase {

    static final Instant JAN = Instant.parse("2025-01-10T02:00:00Z");
    static final Instant FEB = Instant.parse("2025-02-10T02:00:00Z");
    static final Instant MAR = Instant.parse("2025-03-10T02:00:00Z");

    static <T> Outcome.Rejected<T> rejected(Outcome<T> outcome, Rejection expected) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        Outcome.Rejected<T> r = (Outcome.Rejected<T>) outcome;
        assertThat(r.rejection()).as(r.detail()).isEqualTo(expected);
        return r;
    }

    @Test
    @DisplayName("when a balanced entry is posted then balances, fund trial balance and chain agree")
    void balancedEntry() {
        f.fund("A");
        Transaction t = f.post("A", JAN, debit("1002", 50_000_00), credit("2209", 30_000_00), credit("410101", 20_000_00)).value();

        assertThat(t.phase()).isEqualTo(Phase.POSTED);
        assertThat(t.legs()).hasSize(2);
        assertThat(t.postings()).extracting(p -> p.debitFen() - p.creditFen())
                .containsExactly(50_000_00L, -30_000_00L, -20_000_00L);
        assertThat(f.balance("A", "1002")).isEqualTo(50_000_00);
        assertThat(f.balance("A", "2209")).isEqualTo(30_000_00);
        TrialBalance tb = ledger.trialBalance(ledger.fund(f.code("A")).orElseThrow(), null, false);
        assertThat(tb.totalDebitFen()).isEqualTo(50_000_00).isEqualTo(tb.totalCreditFen());
        assertThat(ledger.reads().transaction(t.id())).contains(t);
        assertThat(ledger.verify().ok()).isTrue();
        assertThat(ledger.verify().headHash()).isEqualTo(t.hash());
    }

    @Test
    @DisplayName("when an entry does not balance, names an unknown account or fund then it is refused and nothing is written")
    void refusals() {
        f.fund("A");
        f.deposit("A", 100_00);
        long before = f.transactionCount();

        assertThat(rejected(f.post("A", debit("1002", 100), credit("410101", 99)), Rejection.TRANSACTION_MUST_BALANCE).detail())
                .contains("1.00").contains("0.99");
        assertThat(rejected(f.post("A", debit("1002", 100), credit("9999", 100)), Rejection.ACCOUNT_MUST_EXIST).field())
                .isEqualTo("postings[1].accountCode");
        assertThat(rejected(f.post("NOPE", debit("1002", 100), credit("410101", 100)), Rejection.FUND_MUST_EXIST).field())
                .isEqualTo("fundCode");
        rejected(f.post("A", debit("1002", 100), credit("1002", 100)), Rejection.TRANSACTION_MUST_MOVE_MONEY);
        rejected(f.post("A", Instant.now().plusSeconds(3_600), debit("1002", 100), credit("410101", 100)),
                Rejection.TRANSACTION_MUST_NOT_BE_DATED_IN_THE_FUTURE);

        assertThat(f.transactionCount()).isEqualTo(before);
        assertThat(f.balance("A", "1002")).isEqualTo(100_00);
    }

    @Test
    @DisplayName("when a key is replayed with the same content then the original comes back; with other content it is refused")
    void idempotency() {
        f.fund("A");
        PostEntry entry = new PostEntry("key-" + f.prefix, "test", TransactionKind.MANUAL, f.code("A"), "gift", JAN,
                References.NONE, List.of(debit("1002", 500_00), credit("410101", 500_00)));
        Transaction first = ledger.execute(entry).value();
        Outcome<Transaction> again = ledger.execute(entry);
        assertThat(again).isEqualTo(new Outcome.Accepted<>(first, true));

        PostEntry other = new PostEntry(entry.idempotencyKey(), "test", TransactionKind.MANUAL, f.code("A"), "gift", JAN,
                References.NONE, List.of(debit("1002", 600_00), credit("410101", 600_00)));
        rejected(ledger.execute(other), Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT);
        assertThat(f.balance("A", "1002")).isEqualTo(500_00);
        assertThat(f.transactionCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("when a transaction is reversed then balances return, the reversal links to it, and a second reversal is refused")
    void reversal() {
        f.fund("A");
        Transaction gift = f.post("A", JAN, debit("1002", 800_00), credit("410101", 800_00)).value();
        Transaction reversal = ledger.execute(new Reverse(LedgerFixture.key(), "test", gift.id(), "录错金额", null)).value();

        assertThat(reversal.reversesId()).isEqualTo(gift.id());
        assertThat(reversal.kind()).isEqualTo(TransactionKind.REVERSAL);
        assertThat(reversal.memo()).contains("录错金额");
        assertThat(f.balance("A", "1002")).isZero();
        assertThat(f.balance("A", "410101")).isZero();
        rejected(ledger.execute(new Reverse(LedgerFixture.key(), "test", gift.id(), "again", null)),
                Rejection.TRANSACTION_MUST_NOT_BE_REVERSED_TWICE);
        rejected(ledger.execute(new Reverse(LedgerFixture.key(), "test", 999_999, "none", null)), Rejection.TRANSACTION_MUST_EXIST);
        assertThat(f.transactionCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("when money is reserved then available drops, a partial post books part and frees the rest, and a void frees all")
    void twoPhase() {
        f.fund("A");
        f.deposit("A", 1_000_00);
        Transaction hold = ledger.execute(new CreatePending(LedgerFixture.key(), "test", TransactionKind.DISBURSEMENT, f.code("A"),
                "5101", "1002", 600_00, "approved payment", null, References.NONE)).value();
        assertThat(f.account("A", "1002").availableFen()).isEqualTo(400_00);
        assertThat(f.balance("A", "1002")).isEqualTo(1_000_00);
        // Reserved money cannot be reserved twice.
        rejected(ledger.execute(new CreatePending(LedgerFixture.key(), "test", TransactionKind.DISBURSEMENT, f.code("A"),
                "5101", "1002", 400_01, "too much", null, References.NONE)), Rejection.ACCOUNT_MUST_NOT_GO_NEGATIVE);

        rejected(ledger.execute(new PostPending(LedgerFixture.key(), "test", hold.id(), 600_01L, null)),
                Rejection.POST_MUST_NOT_EXCEED_PENDING);
        Transaction paid = ledger.execute(new PostPending(LedgerFixture.key(), "test", hold.id(), 450_00L, null)).value();
        assertThat(paid.pendingId()).isEqualTo(hold.id());
        assertThat(f.balance("A", "1002")).isEqualTo(550_00);
        assertThat(f.account("A", "1002").availableFen()).isEqualTo(550_00);
        assertThat(f.balance("A", "5101")).isEqualTo(450_00);
        rejected(ledger.execute(new VoidPending(LedgerFixture.key(), "test", hold.id(), "late")), Rejection.PENDING_MUST_BE_OPEN);

        Transaction hold2 = ledger.execute(new CreatePending(LedgerFixture.key(), "test", TransactionKind.DISBURSEMENT,
                f.code("A"), "5101", "1002", 100_00, "second", null, References.NONE)).value();
        Transaction voided = ledger.execute(new VoidPending(LedgerFixture.key(), "test", hold2.id(), "rejected")).value();
        assertThat(voided.phase()).isEqualTo(Phase.VOID_PENDING);
        assertThat(f.account("A", "1002").availableFen()).isEqualTo(550_00);
        rejected(ledger.execute(new PostPending(LedgerFixture.key(), "test", paid.id(), null, null)), Rejection.TRANSACTION_MUST_BE_PENDING);
        rejected(ledger.execute(new PostPending(LedgerFixture.key(), "test", 999_999, null, null)), Rejection.TRANSACTION_MUST_EXIST);
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    @DisplayName("when a guarded account would go negative then the posting is refused; a guarded fund guards every account")
    void guards() {
        f.fund("A");
        f.deposit("A", 100_00);
        rejected(f.post("A", debit("5101", 100_01), credit("1002", 100_01)), Rejection.ACCOUNT_MUST_NOT_GO_NEGATIVE);
        f.post("A", debit("5101", 100_00), credit("1002", 100_00)).value();
        assertThat(f.balance("A", "1002")).isZero();

        f.fund("G", FundLevel.CITY, null, true);
        // 2209 other payables is not guarded by the template, but the guarded fund guards it.
        rejected(f.post("G", debit("2209", 1), credit("410101", 1)), Rejection.ACCOUNT_MUST_NOT_GO_NEGATIVE);
    }

    @Test
    @DisplayName("when a period is closed then entries dated inside are refused, and a reversal lands in the open period")
    void periods() {
        f.fund("A");
        Transaction jan = f.post("A", JAN, debit("1002", 10_00), credit("410101", 10_00)).value();
        Fund closed = ledger.execute(new ClosePeriod(f.code("A"), Instant.parse("2025-01-31T15:59:59.999999Z"))).value();
        assertThat(closed.closedThrough()).isEqualTo(Instant.parse("2025-01-31T15:59:59.999999Z"));

        rejected(f.post("A", JAN, debit("1002", 10_00), credit("410101", 10_00)), Rejection.PERIOD_MUST_BE_OPEN);
        rejected(ledger.execute(new Reverse(LedgerFixture.key(), "test", jan.id(), "dated in January", JAN)), Rejection.PERIOD_MUST_BE_OPEN);
        Transaction reversal = ledger.execute(new Reverse(LedgerFixture.key(), "test", jan.id(), "error", null)).value();
        assertThat(reversal.occurredAt()).isAfter(closed.closedThrough());
        f.post("A", FEB, debit("1002", 10_00), credit("410101", 10_00)).value();
        rejected(ledger.execute(new ClosePeriod(f.code("A"), Instant.parse("2025-01-15T00:00:00Z"))),
                Rejection.PERIOD_MUST_NOT_BE_CLOSED_ALREADY);
        rejected(ledger.execute(new ClosePeriod(f.code("A"), Instant.now().plusSeconds(86_400))), Rejection.PERIOD_MUST_HAVE_ENDED);
    }

    @Test
    @DisplayName("when money moves between two funds then each fund balances on its own; a third fund is refused")
    void crossFund() {
        f.fund("SEED", FundLevel.SEED, null, false);
        f.fund("CITY");
        f.deposit("SEED", 1_000_00);
        Transaction transfer = f.post("SEED",
                debit("2901", 300_00), credit("1002", 300_00),
                debit("1002", 300_00).inFund(f.code("CITY")), credit("1901", 300_00).inFund(f.code("CITY"))).value();
        assertThat(transfer.legs()).extracting(l -> l.fundId()).doesNotHaveDuplicates().hasSize(2);
        assertThat(f.balance("SEED", "1002")).isEqualTo(700_00);
        assertThat(f.balance("CITY", "1002")).isEqualTo(300_00);
        for (String name : List.of("SEED", "CITY")) {
            TrialBalance tb = ledger.trialBalance(ledger.fund(f.code(name)).orElseThrow(), null, false);
            assertThat(tb.totalDebitFen()).isEqualTo(tb.totalCreditFen());
        }
        rejected(f.post("SEED", debit("1002", 1).inFund(f.code("CITY")), credit("1002", 1)), Rejection.TRANSACTION_MUST_BALANCE);
        f.fund("THIRD");
        rejected(f.post("SEED", debit("2901", 1), credit("1002", 1), debit("1002", 1).inFund(f.code("CITY")),
                credit("1901", 1).inFund(f.code("CITY")), debit("1002", 1).inFund(f.code("THIRD")),
                credit("410101", 1).inFund(f.code("THIRD"))), Rejection.TRANSACTION_MUST_TOUCH_AT_MOST_TWO_FUNDS);
    }

    @Test
    @DisplayName("when balances are asked as of a past instant then only transactions dated at or before it count")
    void asOf() {
        f.fund("A");
        f.post("A", JAN, debit("1002", 100_00), credit("410101", 100_00)).value();
        f.post("A", MAR, debit("1002", 50_00), credit("410101", 50_00)).value();
        Fund fund = ledger.fund(f.code("A")).orElseThrow();
        var bank = f.account("A", "1002");
        assertThat(ledger.balanceFen(bank, JAN.minusSeconds(1))).isZero();
        assertThat(ledger.balanceFen(bank, JAN)).isEqualTo(100_00);
        assertThat(ledger.balanceFen(bank, FEB)).isEqualTo(100_00);
        assertThat(ledger.balanceFen(bank, MAR)).isEqualTo(150_00);
        assertThat(ledger.balanceFen(f.account("A", "410101"), FEB)).isEqualTo(100_00);
        TrialBalance feb = ledger.trialBalance(fund, FEB, false);
        assertThat(feb.totalDebitFen()).isEqualTo(100_00).isEqualTo(feb.totalCreditFen());
    }

    @Test
    @DisplayName("when funds form a tree then levels must fit and the consolidated trial balance sums the subtree")
    void fundTree() {
        f.fund("CITY");
        f.fund("STREET", FundLevel.STREET, "CITY", false);
        f.fund("COMM", FundLevel.COMMUNITY, "STREET", false);
        rejected(ledger.execute(new org.mingzhang.journal.CreateFund(f.code("BAD"), "bad", FundLevel.COMMUNITY, null, false)),
                Rejection.FUND_LEVEL_MUST_FIT_PARENT);
        rejected(ledger.execute(new org.mingzhang.journal.CreateFund(f.code("BAD"), "bad", FundLevel.STREET, f.code("STREET"), false)),
                Rejection.FUND_LEVEL_MUST_FIT_PARENT);
        // A county federation without street funds keeps its community funds directly under the county's.
        assertThat(ledger.execute(new org.mingzhang.journal.CreateFund(f.code("COUNTY-COMM"), "县直社区", FundLevel.COMMUNITY,
                f.code("CITY"), false)).accepted()).isTrue();
        rejected(ledger.execute(new org.mingzhang.journal.CreateFund(f.code("CITY"), "dup", FundLevel.CITY, null, false)),
                Rejection.FUND_CODE_MUST_BE_UNIQUE);
        f.deposit("STREET", 200_00);
        f.deposit("COMM", 300_00);
        TrialBalance all = ledger.trialBalance(ledger.fund(f.code("CITY")).orElseThrow(), null, true);
        assertThat(all.lines()).filteredOn(l -> l.accountCode().equals("1002")).singleElement()
                .extracting(TrialBalance.Line::debitFen).isEqualTo(500_00L);
        TrialBalance street = ledger.trialBalance(ledger.fund(f.code("STREET")).orElseThrow(), null, false);
        assertThat(street.totalDebitFen()).isEqualTo(200_00);
    }

    @Test
    @DisplayName("when the ledger restarts then the chain continues and keys and open reservations are remembered")
    void restart() {
        f.fund("A");
        f.deposit("A", 100_00);
        PostEntry entry = new PostEntry("restart-" + f.prefix, "test", TransactionKind.MANUAL, f.code("A"), "m", JAN,
                References.NONE, List.of(debit("1002", 1_00), credit("410101", 1_00)));
        Transaction original = ledger.execute(entry).value();
        Transaction hold = ledger.execute(new CreatePending(LedgerFixture.key(), "test", TransactionKind.DISBURSEMENT,
                f.code("A"), "5101", "1002", 50_00, "hold", null, References.NONE)).value();
        ledger.close();

        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), LedgerWriter.Settings.DEFAULT);
        assertThat(ledger.execute(entry)).isEqualTo(new Outcome.Accepted<>(original, true));
        assertThat(ledger.execute(new PostPending(LedgerFixture.key(), "test", hold.id(), null, null)).accepted()).isTrue();
        assertThat(ledger.verify()).satisfies(v -> {
            assertThat(v.ok()).isTrue();
            assertThat(v.transactions()).isEqualTo(4);
        });
    }

    // --- the database's own guards, reached around the application -----------------------------------------

    @Test
    @DisplayName("when journal rows are updated or deleted with plain SQL then the database refuses")
    void appendOnly() {
        f.fund("A");
        f.deposit("A", 100_00);
        assertThatThrownBy(() -> sql("UPDATE journal_leg SET amount_fen = 1")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM journal_leg")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("UPDATE journal_transaction SET memo = 'x'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM journal_transaction")).hasMessageContaining("append-only");
        assertThat(f.transactionCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("when a leg that cannot balance is inserted with plain SQL then the database refuses")
    void databaseBalance() throws SQLException {
        Fund a = f.fund("A");
        Fund b = f.fund("B");
        Transaction t = f.deposit("A", 100_00);
        long bankA = f.account("A", "1002").id();
        long incomeA = f.account("A", "410101").id();
        long bankB = f.account("B", "1002").id();
        String insert = "INSERT INTO journal_leg (transaction_id, leg_no, fund_id, debit_account_id, credit_account_id, "
                + "amount_fen, posted, occurred_at) VALUES (" + t.id() + ", 9, %d, %d, %d, %d, TRUE, CURRENT_TIMESTAMP)";
        assertThatThrownBy(() -> sql(insert.formatted(a.id(), bankA, bankA, 100))).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> sql(insert.formatted(a.id(), bankA, incomeA, 0))).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> sql(insert.formatted(a.id(), bankB, incomeA, 100))).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> sql(insert.formatted(b.id(), bankB, incomeA, 100))).isInstanceOf(SQLException.class);
        // A guarded account's totals cannot be left negative either.
        assertThatThrownBy(() -> sql("UPDATE account SET credits_posted_fen = credits_posted_fen + 100001 WHERE id = " + bankA))
                .isInstanceOf(SQLException.class);
        assertThat(f.balance("A", "1002")).isEqualTo(100_00);
    }

    @Test
    @DisplayName("when journal rows name a fund, account or transaction that does not exist, or what they name is deleted or re-keyed, then the database refuses")
    void databaseReferences() {
        Fund a = f.fund("A");
        Fund b = f.fund("B");
        Transaction t = f.deposit("A", 100_00);
        long bankA = f.account("A", "1002").id();
        long incomeA = f.account("A", "410101").id();
        String transaction = "INSERT INTO journal_transaction (id, idempotency_key, request_hash, fund_id, kind, phase, memo, "
                + "occurred_at, recorded_at, recorded_by, prev_hash, hash) VALUES (999999, 'raw', 'x', %d, 'MANUAL', 'POSTED', "
                + "'raw', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'sql', 'x', 'raw-hash')";
        assertThat(sqlState(() -> sql(transaction.formatted(987_654)))).as("a transaction of no fund").startsWith("23");
        String leg = "INSERT INTO journal_leg (transaction_id, leg_no, fund_id, debit_account_id, credit_account_id, "
                + "amount_fen, posted, occurred_at) VALUES (%d, 9, %d, %d, %d, 100, TRUE, CURRENT_TIMESTAMP)";
        assertThat(sqlState(() -> sql(leg.formatted(987_654, a.id(), bankA, incomeA)))).as("a leg of no transaction").startsWith("23");
        assertThat(sqlState(() -> sql(leg.formatted(t.id(), a.id(), 987_654, incomeA)))).as("no debit account").startsWith("23");
        assertThat(sqlState(() -> sql(leg.formatted(t.id(), a.id(), bankA, 987_654)))).as("no credit account").startsWith("23");
        assertThat(sqlState(() -> sql(leg.formatted(t.id(), b.id(), bankA, incomeA)))).as("accounts of another fund").startsWith("23");
        // What the journal names stays as it was named.
        assertThat(sqlState(() -> sql("DELETE FROM account WHERE id = " + bankA))).startsWith("23");
        assertThat(sqlState(() -> sql("UPDATE account SET fund_id = " + b.id() + " WHERE id = " + bankA))).startsWith("23");
        assertThat(sqlState(() -> sql("UPDATE account SET id = 987654 WHERE id = " + bankA))).startsWith("23");
        assertThat(sqlState(() -> sql("DELETE FROM fund WHERE id = " + a.id()))).startsWith("23");
        assertThat(sqlState(() -> sql("UPDATE fund SET id = 987654 WHERE id = " + a.id()))).startsWith("23");
        assertThat(f.transactionCount()).isEqualTo(1);
        assertThat(f.balance("A", "1002")).isEqualTo(100_00);
        assertThat(ledger.verify().ok()).isTrue();
    }

    /** The SQLSTATE of the refusal: class 23 is an integrity constraint violation on both databases. */
    static String sqlState(org.assertj.core.api.ThrowableAssert.ThrowingCallable statement) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(statement);
        assertThat(thrown).as("the database refused").isInstanceOf(SQLException.class);
        return ((SQLException) thrown).getSQLState();
    }

    /** Takes the append-only trigger off one table, as only someone with the database owner's rights could. */
    abstract void dropAppendOnlyGuard(Statement statement) throws SQLException;

    @Test
    @DisplayName("when someone with owner rights edits a recorded memo then verify names that transaction")
    void tamperEvidence() throws SQLException {
        f.fund("A");
        f.deposit("A", 1_00);
        Transaction second = f.deposit("A", 2_00);
        f.deposit("A", 3_00);
        assertThat(ledger.verify().ok()).isTrue();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            dropAppendOnlyGuard(s);
            s.execute("UPDATE journal_transaction SET memo = 'edited' WHERE id = " + second.id());
        }
        var verification = ledger.verify();
        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenTransactionId()).isEqualTo(second.id());
        assertThat(verification.transactions()).isEqualTo(3);
    }
}
