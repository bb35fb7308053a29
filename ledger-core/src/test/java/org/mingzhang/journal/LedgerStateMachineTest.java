package org.mingzhang.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.Account;
import org.mingzhang.account.AccountType;
import org.mingzhang.account.Balances;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;

/**
 * The decider on its own, from a hand-made starting state: the edges that a database run cannot reach
 * cheaply (totals at the limit of a long) and the exact shape of what an accepted entry writes.
 */
class LedgerStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    private static LedgerStateMachine machineWith(Balances bankTotals) {
        Fund fund = new Fund(1, "F", "fund", FundLevel.CITY, null, false, null, NOW);
        List<Account> accounts = List.of(
                new Account(1, 1, "1002", "bank", AccountType.ASSET, false, true, bankTotals),
                new Account(2, 1, "410101", "income", AccountType.INCOME, false, false, Balances.ZERO),
                new Account(3, 1, "5101", "programme", AccountType.EXPENSE, false, false, Balances.ZERO),
                new Account(4, 1, "5201", "management", AccountType.EXPENSE, false, false, Balances.ZERO));
        return new LedgerStateMachine(ChartTemplate.nonProfit(), new LedgerSnapshot(List.of(fund), accounts, List.of(),
                ChainHash.GENESIS, 0, 1, 4));
    }

    private static PostEntry entry(PostingLine... lines) {
        return new PostEntry(LedgerFixture.key(), "t", TransactionKind.MANUAL, "F", "m", null, References.NONE, List.of(lines));
    }

    @Test
    @DisplayName("when books written before the limit hold more than it then the next entry is refused, not wrapped")
    void overflowIsRefused() {
        LedgerStateMachine machine = machineWith(new Balances(Long.MAX_VALUE - 10, 0, 0, 0));
        LedgerStateMachine.Batch batch = new LedgerStateMachine.Batch(Prefetch.EMPTY, NOW);
        Outcome<Transaction> outcome = machine.apply(entry(debit("1002", 11), credit("410101", 11)), batch);
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected<Transaction>) outcome).rejection()).isEqualTo(Rejection.BOOKS_TOTAL_MUST_NOT_EXCEED_MAX);
        assertThat(batch.writes.isEmpty()).isTrue();
        assertThat(machine.account(1).balances().debitsPostedFen()).isEqualTo(Long.MAX_VALUE - 10);
    }

    @Test
    @DisplayName("when the books would hold more than BOOKED_FEN_MAX in all then the entry is refused; up to it, taken")
    void booksLimit() {
        LedgerStateMachine machine = machineWith(new Balances(LedgerLimits.BOOKED_FEN_MAX - 11, 0, 0, 0));
        LedgerStateMachine.Batch batch = new LedgerStateMachine.Batch(Prefetch.EMPTY, NOW);
        assertThat(machine.apply(entry(debit("410101", 11), credit("1002", 11)), batch)).isInstanceOf(Outcome.Accepted.class);
        Outcome<Transaction> past = machine.apply(entry(debit("410101", 1), credit("1002", 1)), batch);
        assertThat(((Outcome.Rejected<Transaction>) past).rejection()).isEqualTo(Rejection.BOOKS_TOTAL_MUST_NOT_EXCEED_MAX);
        assertThat(((Outcome.Rejected<Transaction>) past).detail()).contains("10000000000000000.00");
        assertThat(machine.account(1).balances().creditsPostedFen()).isEqualTo(11);
    }

    @Test
    @DisplayName("when an entry has several lines then its legs move exactly the amounts of the lines, one update per account")
    void multiLineEntry() {
        LedgerStateMachine machine = machineWith(new Balances(1_000_00, 0, 0, 0));
        LedgerStateMachine.Batch batch = new LedgerStateMachine.Batch(Prefetch.EMPTY, NOW);
        Transaction t = machine.apply(entry(debit("5101", 70_00), debit("5201", 30_00), credit("1002", 60_00),
                credit("1002", 40_00)), batch).value();

        assertThat(t.postings()).extracting(p -> p.accountId() + ":" + p.debitFen() + ":" + p.creditFen())
                .containsExactly("3:7000:0", "4:3000:0", "1:0:10000");
        assertThat(t.legs()).allSatisfy(l -> assertThat(l.posted()).isTrue());
        assertThat(t.amountFen()).isEqualTo(100_00);
        assertThat(t.prevHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(t.hash()).isEqualTo(ChainHash.of(t)).hasSize(64);
        assertThat(batch.writes.accountDeltas()).hasSize(3);
        assertThat(batch.writes.accountDeltas().get(1L)).containsExactly(0, 100_00, 0, 0);
        assertThat(machine.account(1).balanceFen()).isEqualTo(900_00);
    }

    @Test
    @DisplayName("when a recorded field changes then the hash changes")
    void hashCoversEveryField() {
        LedgerStateMachine machine = machineWith(new Balances(1_000_00, 0, 0, 0));
        Transaction t = machine.apply(entry(debit("5101", 1), credit("1002", 1)),
                new LedgerStateMachine.Batch(Prefetch.EMPTY, NOW)).value();
        Transaction memoEdited = new Transaction(t.id(), t.idempotencyKey(), t.requestHash(), t.fundId(), t.kind(), t.phase(), "m2",
                t.occurredAt(), t.recordedAt(), t.reversesId(), t.pendingId(), t.references(), t.recordedBy(), t.prevHash(),
                t.hash(), t.legs());
        Transaction amountEdited = new Transaction(t.id(), t.idempotencyKey(), t.requestHash(), t.fundId(), t.kind(), t.phase(), t.memo(),
                t.occurredAt(), t.recordedAt(), t.reversesId(), t.pendingId(), t.references(), t.recordedBy(), t.prevHash(),
                t.hash(), List.of(new Leg(0, 1, 3, 1, 2, true)));
        assertThat(ChainHash.of(memoEdited)).isNotEqualTo(t.hash());
        assertThat(ChainHash.of(amountEdited)).isNotEqualTo(t.hash());
    }
}
