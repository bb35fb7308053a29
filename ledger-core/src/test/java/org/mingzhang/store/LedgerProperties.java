package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mingzhang.account.Account;
import org.mingzhang.account.AccountType;
import org.mingzhang.account.Side;
import org.mingzhang.account.TrialBalance;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.CreatePending;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Phase;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostPending;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.Reverse;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.TransactionQuery;
import org.mingzhang.journal.VoidPending;
import org.mingzhang.money.Money;

/**
 * The ledger's invariants under random use. Each try opens two funds (one whose bank account alone is
 * guarded, one guarded throughout) and drives a random sequence of entries, unbalanced and unknown-account
 * entries, cross-fund transfers, reversals, reservations, partial posts, voids and idempotent replays,
 * while a tiny in-memory model predicts every answer. Amounts lean towards 1 fen and the largest amount.
 * Checked: every answer (accepted, or the exact rejection) matches the model; a refused command changes no
 * balance; at the end every account's totals equal the model's and the replay of its legs in the journal,
 * balances as of past instants agree with the history, every trial balance balances, and the chain verifies.
 */
abstract class LedgerProperties extends PropertiesOnDatabase {

    enum Kind { ENTRY, UNBALANCED, UNKNOWN_ACCOUNT, CROSS_FUND, REVERSE, RESERVE, POST, VOID, REPLAY, REPLAY_OTHER }

    record Action(Kind kind, int fund, int a, int b, int pick, long amount1, long amount2) {
    }

    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final Map<String, List<String>> ACCOUNTS = Map.of(
            "A", List.of("1002", "410101", "5101", "2209", "1122"),
            "B", List.of("1002", "410101", "5101", "3101"));
    private static final Map<String, AccountType> TYPES = Map.of("1002", AccountType.ASSET, "410101", AccountType.INCOME,
            "5101", AccountType.EXPENSE, "2209", AccountType.LIABILITY, "1122", AccountType.ASSET, "3101", AccountType.NET_ASSETS);


    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(1L)),
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, 1_000_00)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 10_000_000_00L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Money.FEN_MAX, Money.FEN_MAX - 1)));
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.ENTRY)), net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.UNBALANCED)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.UNKNOWN_ACCOUNT)), net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CROSS_FUND)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.REVERSE)), net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.RESERVE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.POST)), net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.VOID)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.REPLAY)), net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.REPLAY_OTHER)));
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 99);
        Arbitrary<Action> action = Combinators.combine(kinds, Arbitraries.integers().between(0, 1), small, small, small, amounts, amounts)
                .as(Action::new);
        return action.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 100)
    void theJournalAgreesWithTheModel(@ForAll("actions") List<Action> actions) {
        new Run(actions).check();
    }

    /** One try: the ledger under test and the model side by side. */
    private final class Run {
        final LedgerFixture f = new LedgerFixture(ledger);
        final List<Action> actions;
        final Map<String, long[]> totals = new HashMap<>();
        final Map<String, Boolean> guarded = new HashMap<>();
        final List<ModelTx> txs = new ArrayList<>();
        final List<LedgerCommand<Transaction>> acceptedCommands = new ArrayList<>();
        /** (event time or null for "now", account, debit, credit) of every posted effect, for as-of checks. */
        final List<Object[]> history = new ArrayList<>();
        final Map<String, Fund> funds = new HashMap<>();

        Run(List<Action> actions) {
            this.actions = actions;
            funds.put("A", f.fund("A", FundLevel.CITY, null, false));
            funds.put("B", f.fund("B", FundLevel.CITY, null, true));
            for (String fund : ACCOUNTS.keySet()) {
                for (String code : ACCOUNTS.get(fund)) {
                    totals.put(fund + ":" + code, new long[4]);
                    guarded.put(fund + ":" + code, fund.equals("B") || code.equals("1002"));
                }
            }
        }

        final class ModelTx {
            Transaction actual;
            Phase phase;
            Map<String, long[]> postedDeltas = new LinkedHashMap<>();
            String pendingDebit;
            String pendingCredit;
            long pendingFen;
            boolean resolved;
            boolean reversed;
        }

        void check() {
            for (int step = 0; step < actions.size(); step++) {
                apply(actions.get(step), BASE.plusSeconds(60L * step));
            }
            for (String fundName : ACCOUNTS.keySet()) {
                Fund fund = funds.get(fundName);
                List<Account> accounts = ledger.accounts(fund);
                Map<Long, long[]> replayed = replay(fund);
                for (Account account : accounts) {
                    long[] model = totals.getOrDefault(fundName + ":" + account.code(), new long[4]);
                    long[] actual = {account.balances().debitsPostedFen(), account.balances().creditsPostedFen(),
                            account.balances().debitsPendingFen(), account.balances().creditsPendingFen()};
                    assertThat(actual).as("totals of %s:%s", fundName, account.code()).containsExactly(model);
                    assertThat(replayed.getOrDefault(account.id(), new long[4])).as("replay of %s", account.code())
                            .containsExactly(actual);
                    if (account.mustNotGoNegative()) {
                        assertThat(account.availableFen()).isNotNegative();
                    }
                }
                TrialBalance tb = ledger.trialBalance(fund, null, false);
                assertThat(tb.totalDebitFen()).isEqualTo(tb.totalCreditFen());
                checkAsOf(fundName, accounts);
            }
            assertThat(ledger.verify().ok()).isTrue();
        }

        /** Sums the journal's legs per account: posted legs into posted totals, open pendings into pending ones. */
        Map<Long, long[]> replay(Fund fund) {
            Map<Long, long[]> sums = new HashMap<>();
            long after = 0;
            int count = 0;
            List<Transaction> page;
            do {
                page = ledger.reads().transactions(new TransactionQuery(fund.id(), null, null, after, TransactionQuery.LIMIT_MAX));
                for (Transaction t : page) {
                    count++;
                    boolean open = t.phase() == Phase.PENDING && txs.stream().anyMatch(m -> m.actual.id() == t.id() && !m.resolved);
                    for (Leg leg : t.legs()) {
                        if (leg.fundId() != fund.id() || (!leg.posted() && !open)) {
                            continue;
                        }
                        int offset = leg.posted() ? 0 : 2;
                        sums.computeIfAbsent(leg.debitAccountId(), k -> new long[4])[offset] += leg.amountFen();
                        sums.computeIfAbsent(leg.creditAccountId(), k -> new long[4])[offset + 1] += leg.amountFen();
                    }
                    after = t.id();
                }
            } while (page.size() == TransactionQuery.LIMIT_MAX);
            String name = fund.id() == funds.get("A").id() ? "A" : "B";
            // A fund's journal lists the entries made for it and the linked entries with legs in it.
            long expected = txs.stream().filter(m -> m.actual.fundId() == fund.id()
                    || m.actual.legs().stream().anyMatch(l -> l.fundId() == fund.id())).count();
            assertThat(count).as("transactions touching fund %s", name).isEqualTo((int) expected);
            return sums;
        }

        void checkAsOf(String fundName, List<Account> accounts) {
            for (int step = 0; step < actions.size(); step += Math.max(1, actions.size() / 4)) {
                Instant at = BASE.plusSeconds(60L * step);
                for (Account account : accounts) {
                    String key = fundName + ":" + account.code();
                    long debitMinusCredit = 0;
                    for (Object[] h : history) {
                        if (h[0] != null && !((Instant) h[0]).isAfter(at) && h[1].equals(key)) {
                            debitMinusCredit += (long) h[2] - (long) h[3];
                        }
                    }
                    long expected = account.normalSide() == Side.DEBIT ? debitMinusCredit : -debitMinusCredit;
                    assertThat(ledger.balanceFen(account, at)).as("%s as of %s", key, at).isEqualTo(expected);
                }
            }
        }

        void apply(Action act, Instant at) {
            String fund = act.fund() == 0 ? "A" : "B";
            List<String> codes = ACCOUNTS.get(fund);
            String da = codes.get(act.a() % codes.size());
            String ca = codes.get(act.b() % codes.size());
            switch (act.kind()) {
                case ENTRY -> {
                    List<PostingLine> lines = new ArrayList<>(List.of(PostingLine.debit(da, act.amount1()), PostingLine.credit(ca, act.amount1())));
                    if (act.pick() % 2 == 1) {
                        lines.add(PostingLine.debit(codes.get((act.a() + 1) % codes.size()), act.amount2()));
                        lines.add(PostingLine.credit(codes.get((act.b() + 2) % codes.size()), act.amount2()));
                    }
                    entry(fund, lines, at, LedgerFixture.key());
                }
                case UNBALANCED -> {
                    long credit = act.amount1() == Money.FEN_MAX ? act.amount1() - 1 : act.amount1() + 1;
                    submit(entryCommand(fund, List.of(PostingLine.debit(da, act.amount1()), PostingLine.credit(ca, credit)), at,
                            LedgerFixture.key()), Rejection.TRANSACTION_MUST_BALANCE, null);
                }
                case UNKNOWN_ACCOUNT -> submit(entryCommand(fund, List.of(PostingLine.debit("9999", act.amount1()),
                        PostingLine.credit(ca, act.amount1())), at, LedgerFixture.key()), Rejection.ACCOUNT_MUST_EXIST, null);
                case CROSS_FUND -> entry("A", List.of(PostingLine.debit("5101", act.amount1()), PostingLine.credit("1002", act.amount1()),
                        PostingLine.debit("1002", act.amount1()).inFund(f.code("B")),
                        PostingLine.credit("410101", act.amount1()).inFund(f.code("B"))), at, LedgerFixture.key());
                case REVERSE -> reverse(act, at);
                case RESERVE -> reserve(fund, da, ca, act.amount1(), at);
                case POST, VOID -> resolve(act);
                case REPLAY -> {
                    if (!acceptedCommands.isEmpty()) {
                        LedgerCommand<Transaction> again = acceptedCommands.get(act.pick() % acceptedCommands.size());
                        Map<String, List<Long>> before = snapshot();
                        Outcome<Transaction> outcome = ledger.execute(again);
                        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
                        assertThat(((Outcome.Accepted<Transaction>) outcome).replayed()).isTrue();
                        assertThat(snapshot()).as("a replay changes nothing").isEqualTo(before);
                    }
                }
                case REPLAY_OTHER -> {
                    if (!acceptedCommands.isEmpty()) {
                        String key = acceptedCommands.get(act.pick() % acceptedCommands.size()).idempotencyKey();
                        submit(entryCommand("A", List.of(PostingLine.debit("5101", 7), PostingLine.credit("2209", 7)), at, key),
                                Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, null);
                    }
                }
            }
        }

        PostEntry entryCommand(String fund, List<PostingLine> lines, Instant at, String key) {
            return new PostEntry(key, "property", TransactionKind.MANUAL, f.code(fund), "property entry", at, References.NONE, lines);
        }

        void entry(String fund, List<PostingLine> lines, Instant at, String key) {
            Map<String, Long> net = new LinkedHashMap<>();
            for (PostingLine line : lines) {
                String lineFund = line.fundCode() == null ? fund : line.fundCode().substring(f.prefix.length() + 1);
                net.merge(lineFund + ":" + line.accountCode(), line.debitFen() - line.creditFen(), Long::sum);
            }
            Map<String, long[]> deltas = new LinkedHashMap<>();
            net.forEach((account, amount) -> {
                if (amount != 0) {
                    deltas.put(account, new long[] {Math.max(amount, 0), Math.max(-amount, 0), 0, 0});
                }
            });
            Rejection expected = deltas.isEmpty() ? Rejection.TRANSACTION_MUST_MOVE_MONEY : guard(deltas);
            ModelTx tx = submit(entryCommand(fund, lines, at, key), expected, deltas);
            if (tx != null) {
                tx.phase = Phase.POSTED;
                deltas.forEach((account, d) -> history.add(new Object[] {at, account, d[0], d[1]}));
            }
        }

        void reverse(Action act, Instant at) {
            if (txs.isEmpty()) {
                return;
            }
            ModelTx target = txs.get(act.pick() % txs.size());
            Map<String, long[]> deltas = new LinkedHashMap<>();
            target.postedDeltas.forEach((account, d) -> deltas.put(account, new long[] {d[1], d[0], 0, 0}));
            Rejection expected = target.phase != Phase.POSTED && target.phase != Phase.POST_PENDING ? Rejection.TRANSACTION_MUST_BE_POSTED
                    : target.reversed ? Rejection.TRANSACTION_MUST_NOT_BE_REVERSED_TWICE : guard(deltas);
            ModelTx tx = submit(new Reverse(LedgerFixture.key(), "property", target.actual.id(), "property reversal", at), expected, deltas);
            if (tx != null) {
                tx.phase = Phase.POSTED;
                target.reversed = true;
                deltas.forEach((account, d) -> history.add(new Object[] {at, account, d[0], d[1]}));
            }
        }

        void reserve(String fund, String debit, String credit, long fen, Instant at) {
            Map<String, long[]> deltas = new LinkedHashMap<>();
            deltas.put(fund + ":" + debit, new long[] {0, 0, fen, 0});
            deltas.merge(fund + ":" + credit, new long[] {0, 0, 0, fen}, (x, y) -> new long[] {0, 0, x[2] + y[2], x[3] + y[3]});
            Rejection expected = debit.equals(credit) ? Rejection.TRANSACTION_MUST_MOVE_MONEY : guard(deltas);
            ModelTx tx = submit(new CreatePending(LedgerFixture.key(), "property", TransactionKind.TRANSFER, f.code(fund), debit, credit,
                    fen, "hold", at, References.NONE), expected, deltas);
            if (tx != null) {
                tx.phase = Phase.PENDING;
                tx.postedDeltas.clear();
                tx.pendingDebit = fund + ":" + debit;
                tx.pendingCredit = fund + ":" + credit;
                tx.pendingFen = fen;
            }
        }

        void resolve(Action act) {
            if (txs.isEmpty()) {
                return;
            }
            ModelTx target = txs.get(act.pick() % txs.size());
            boolean isVoid = act.kind() == Kind.VOID;
            Long postFen = isVoid || act.pick() % 3 == 0 ? null : act.amount1();
            LedgerCommand<Transaction> command = isVoid
                    ? new VoidPending(LedgerFixture.key(), "property", target.actual.id(), "property void")
                    : new PostPending(LedgerFixture.key(), "property", target.actual.id(), postFen, null);
            if (target.phase != Phase.PENDING) {
                submit(command, Rejection.TRANSACTION_MUST_BE_PENDING, null);
                return;
            }
            if (target.resolved) {
                submit(command, Rejection.PENDING_MUST_BE_OPEN, null);
                return;
            }
            long posted = isVoid ? 0 : postFen == null ? target.pendingFen : postFen;
            if (posted > target.pendingFen) {
                submit(command, Rejection.POST_MUST_NOT_EXCEED_PENDING, null);
                return;
            }
            Map<String, long[]> deltas = new LinkedHashMap<>();
            deltas.put(target.pendingDebit, new long[] {posted, 0, -target.pendingFen, 0});
            long[] credit = deltas.computeIfAbsent(target.pendingCredit, k -> new long[4]);
            credit[1] += posted;
            credit[3] -= target.pendingFen;
            ModelTx tx = submit(command, guard(deltas), deltas);
            target.resolved = true;
            tx.phase = isVoid ? Phase.VOID_PENDING : Phase.POST_PENDING;
            tx.postedDeltas.clear();
            if (posted > 0) {
                tx.postedDeltas.put(target.pendingDebit, new long[] {posted, 0});
                tx.postedDeltas.merge(target.pendingCredit, new long[] {0, posted}, (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
                history.add(new Object[] {null, target.pendingDebit, posted, 0L});
                history.add(new Object[] {null, target.pendingCredit, 0L, posted});
            }
        }

        /** The ledger's guard, as the model sees it: no guarded account's available balance may fall below zero. */
        Rejection guard(Map<String, long[]> deltas) {
            for (Map.Entry<String, long[]> e : deltas.entrySet()) {
                long[] t = totals.get(e.getKey());
                long[] d = e.getValue();
                Side side = TYPES.get(e.getKey().substring(2)).normalSide();
                long before = available(t, side);
                long after = available(new long[] {t[0] + d[0], t[1] + d[1], t[2] + d[2], t[3] + d[3]}, side);
                if (guarded.get(e.getKey()) && after < 0 && after < before) {
                    return Rejection.ACCOUNT_MUST_NOT_GO_NEGATIVE;
                }
            }
            return null;
        }

        long available(long[] t, Side side) {
            return side == Side.DEBIT ? t[0] - t[1] - t[3] : t[1] - t[0] - t[2];
        }

        /** Submits; checks the answer against the model; on acceptance applies the deltas to the model. */
        ModelTx submit(LedgerCommand<Transaction> command, Rejection expected, Map<String, long[]> deltas) {
            Map<String, List<Long>> before = snapshot();
            Outcome<Transaction> outcome = ledger.execute(command);
            if (expected != null) {
                assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
                assertThat(((Outcome.Rejected<Transaction>) outcome).rejection()).isEqualTo(expected);
                assertThat(snapshot()).as("a refused command changes nothing").isEqualTo(before);
                return null;
            }
            assertThat(outcome).as("%s", outcome).isInstanceOf(Outcome.Accepted.class);
            deltas.forEach((account, d) -> {
                long[] t = totals.get(account);
                for (int i = 0; i < 4; i++) {
                    t[i] += d[i];
                }
            });
            ModelTx tx = new ModelTx();
            tx.actual = outcome.value();
            deltas.forEach((account, d) -> tx.postedDeltas.put(account, new long[] {d[0], d[1]}));
            txs.add(tx);
            acceptedCommands.add(command);
            return tx;
        }

        /** Every model account's totals as the database has them, keyed like the model. */
        Map<String, List<Long>> snapshot() {
            Map<String, List<Long>> snapshot = new java.util.TreeMap<>();
            for (String fundName : ACCOUNTS.keySet()) {
                for (Account a : ledger.accounts(funds.get(fundName))) {
                    snapshot.put(fundName + ":" + a.code(), List.of(a.balances().debitsPostedFen(),
                            a.balances().creditsPostedFen(), a.balances().debitsPendingFen(), a.balances().creditsPendingFen()));
                }
            }
            return snapshot;
        }
    }
}
