package org.mingzhang.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mingzhang.account.Account;
import org.mingzhang.account.AccountTemplate;
import org.mingzhang.account.Balances;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.fund.Fund;
import org.mingzhang.money.Money;

/**
 * The ledger's decider: it holds the authoritative state (funds, accounts and their totals, open
 * pending transfers, the chain head) and accepts or refuses each command in order, without a round
 * trip. Only the single {@link LedgerWriter} thread touches it. A refused command leaves the state
 * exactly as it was; an accepted one changes the state and adds its writes to the batch.
 */
final class LedgerStateMachine {

    private final ChartTemplate chart;
    private final Map<String, Fund> fundsByCode = new HashMap<>();
    private final Map<Long, Fund> fundsById = new HashMap<>();
    private final Map<Long, Account> accounts = new HashMap<>();
    private final Map<Long, Map<String, Long>> accountIdsByFund = new HashMap<>();
    private final Map<Long, Transaction> openPendings = new HashMap<>();
    private final int transactionsPerCheckpoint;
    private String headHash;
    private long lastTransactionId;
    private long transactionCount;
    private long lastFundId;
    private long lastAccountId;
    /** Σ over all accounts of posted and pending debits: what the books hold, at most {@link LedgerLimits#BOOKED_FEN_MAX}. */
    private long bookedFen;

    LedgerStateMachine(ChartTemplate chart, LedgerSnapshot snapshot) {
        this(chart, snapshot, ChainCheckpoint.TRANSACTIONS_PER_CHECKPOINT_DEFAULT);
    }

    /** @param transactionsPerCheckpoint a checkpoint is written with every transaction that brings the chain to a multiple of it */
    LedgerStateMachine(ChartTemplate chart, LedgerSnapshot snapshot, int transactionsPerCheckpoint) {
        if (transactionsPerCheckpoint < 1 || transactionsPerCheckpoint > ChainCheckpoint.TRANSACTIONS_PER_CHECKPOINT_MAX) {
            throw new IllegalArgumentException("transactions per checkpoint must be 1 to "
                    + ChainCheckpoint.TRANSACTIONS_PER_CHECKPOINT_MAX + ": " + transactionsPerCheckpoint);
        }
        this.chart = chart;
        this.transactionsPerCheckpoint = transactionsPerCheckpoint;
        snapshot.funds().forEach(this::putFund);
        snapshot.accounts().forEach(this::putAccount);
        for (Account account : snapshot.accounts()) {
            // Saturating: books written before the limit existed may hold more; then nothing more is booked.
            long held = account.balances().debitsPostedFen() + account.balances().debitsPendingFen();
            bookedFen = held < 0 || bookedFen > Long.MAX_VALUE - held ? Long.MAX_VALUE : bookedFen + held;
        }
        snapshot.openPendings().forEach(p -> openPendings.put(p.id(), p));
        this.headHash = snapshot.headHash();
        this.lastTransactionId = snapshot.lastTransactionId();
        this.transactionCount = snapshot.transactionCount();
        this.lastFundId = snapshot.lastFundId();
        this.lastAccountId = snapshot.lastAccountId();
    }

    /** The context of one batch: what storage already holds, what the batch has done so far, its clock reading. */
    static final class Batch {
        final Prefetch prefetch;
        final Instant now;
        final WriteBatch writes = new WriteBatch();
        final Map<String, Transaction> byKey = new HashMap<>();
        final Map<Long, Transaction> byId = new HashMap<>();
        final Set<Long> reversed = new HashSet<>();

        Batch(Prefetch prefetch, Instant now) {
            this.prefetch = prefetch;
            this.now = now;
        }

        Transaction earlierWithKey(String key) {
            Transaction t = byKey.get(key);
            return t != null ? t : prefetch.byKey().get(key);
        }

        Transaction transaction(long id) {
            Transaction t = byId.get(id);
            return t != null ? t : prefetch.byId().get(id);
        }
    }

    /**
     * A journal command sent by a client rather than by a decider. A transaction that belongs to a business
     * record (a gift, a disbursement, a matching pool, a project's money) is reversed, posted or voided only
     * through that record (a refund, a payment, a rejection), so that the record and its books never disagree.
     */
    <T> Outcome<T> applyDirect(LedgerCommand<T> command, Batch batch) {
        Long target = switch ((LedgerCommand<?>) command) {
            case Reverse c -> c.transactionId();
            case PostPending c -> c.pendingId();
            case VoidPending c -> c.pendingId();
            default -> null;
        };
        Transaction owned = target == null ? null : batch.transaction(target);
        if (owned != null && !owned.references().equals(References.NONE)) {
            References r = owned.references();
            String record = r.gift() != null ? "gift " + r.gift() : r.disbursement() != null ? "disbursement " + r.disbursement()
                    : r.pool() != null ? "matching pool " + r.pool() : "project " + r.project();
            return rejected(Rejection.TRANSACTION_MUST_BE_CHANGED_THROUGH_ITS_RECORD, "transaction " + owned.id()
                    + " belongs to " + record + "; change it there (a refund, a payment, a rejection), not in the journal", "id");
        }
        return apply(command, batch);
    }

    @SuppressWarnings("unchecked")
    <T> Outcome<T> apply(LedgerCommand<T> command, Batch batch) {
        return (Outcome<T>) switch ((LedgerCommand<?>) command) {
            case CreateFund c -> createFund(c, batch);
            case PostEntry c -> postEntry(c, batch);
            case Reverse c -> reverse(c, batch);
            case CreatePending c -> createPending(c, batch);
            case PostPending c -> resolvePending(c.idempotencyKey(), c.requestHash(), c.recordedBy(), c.pendingId(),
                    false, c.amountFen(), c.memo(), batch);
            case VoidPending c -> resolvePending(c.idempotencyKey(), c.requestHash(), c.recordedBy(), c.pendingId(),
                    true, null, c.reason(), batch);
            case ClosePeriod c -> closePeriod(c, batch);
            default -> throw new IllegalArgumentException("not a journal command: " + command.getClass().getSimpleName());
        };
    }

    /** Whether {@link #apply} decides the command itself (the others go to a {@link Decider}). */
    static boolean isJournalCommand(LedgerCommand<?> command) {
        return command instanceof CreateFund || command instanceof PostEntry || command instanceof Reverse
                || command instanceof CreatePending || command instanceof PostPending || command instanceof VoidPending
                || command instanceof ClosePeriod;
    }

    /** The view of this machine that a decider gets for one batch. */
    Books books(Batch batch) {
        return new Books() {
            @Override
            public Instant now() {
                return batch.now;
            }

            @Override
            public Optional<Fund> fund(String code) {
                return Optional.ofNullable(fundsByCode.get(code));
            }

            @Override
            public Optional<Fund> fund(long id) {
                return Optional.ofNullable(fundsById.get(id));
            }

            @Override
            public Optional<Account> account(long fundId, String accountCode) {
                Long id = accountIdsByFund.getOrDefault(fundId, Map.of()).get(accountCode);
                return Optional.ofNullable(id == null ? null : accounts.get(id));
            }

            @Override
            public Optional<Account> account(long accountId) {
                return Optional.ofNullable(accounts.get(accountId));
            }

            @Override
            public Optional<Transaction> transaction(long id) {
                return Optional.ofNullable(batch.transaction(id));
            }

            @Override
            public Optional<Transaction> earlierWithKey(String idempotencyKey) {
                return Optional.ofNullable(batch.earlierWithKey(idempotencyKey));
            }

            @Override
            public Outcome<Transaction> book(LedgerCommand<Transaction> command) {
                if (!isJournalCommand(command)) {
                    throw new IllegalArgumentException("a decider books journal transactions only: " + command);
                }
                return apply(command, batch);
            }

            @Override
            public Outcome<Fund> closePeriod(ClosePeriod command) {
                return LedgerStateMachine.this.closePeriod(command, batch);
            }

            @Override
            public Outcome<Fund> createFund(CreateFund command) {
                return LedgerStateMachine.this.createFund(command, batch);
            }

            @Override
            public void write(BatchRecord record) {
                batch.writes.addRecord(record);
            }

            @Override
            public List<Transaction> bookedInBatch() {
                return List.copyOf(batch.writes.transactions());
            }
        };
    }

    // --- funds and periods -------------------------------------------------------------------------------

    /**
     * Gives every fund the accounts its chart template has gained since the fund was opened (the chart is data: a
     * new edition of the rules adds accounts), and returns them as a batch to write; empty when every chart is whole.
     */
    WriteBatch completeCharts() {
        WriteBatch batch = new WriteBatch();
        List<Account> added = new ArrayList<>();
        for (Fund fund : fundsById.values().stream().sorted(java.util.Comparator.comparingLong(Fund::id)).toList()) {
            Map<String, Long> has = accountIdsByFund.getOrDefault(fund.id(), Map.of());
            for (AccountTemplate t : chart.accounts()) {
                if (!has.containsKey(t.code())) {
                    added.add(new Account(++lastAccountId, fund.id(), t.code(), t.name(), t.type(), t.restricted(),
                            t.mustNotGoNegative() || fund.mustNotGoNegative(), Balances.ZERO));
                }
            }
        }
        added.forEach(this::putAccount);
        batch.addAccounts(added);
        return batch;
    }

    private Outcome<Fund> createFund(CreateFund c, Batch batch) {
        if (fundsByCode.containsKey(c.code())) {
            return rejected(Rejection.FUND_CODE_MUST_BE_UNIQUE, "fund " + c.code() + " already exists", "code");
        }
        Fund parent = null;
        if (c.parentCode() != null) {
            parent = fundsByCode.get(c.parentCode());
            if (parent == null) {
                return rejected(Rejection.PARENT_FUND_MUST_EXIST, "no fund " + c.parentCode(), "parentCode");
            }
        }
        if (!c.level().fitsUnder(parent == null ? null : parent.level())) {
            return rejected(Rejection.FUND_LEVEL_MUST_FIT_PARENT, "a " + c.level() + " fund cannot stand "
                    + (parent == null ? "at the top" : "under a " + parent.level() + " fund"), "level");
        }
        Fund fund = new Fund(++lastFundId, c.code(), c.name(), c.level(), parent == null ? null : parent.id(),
                c.mustNotGoNegative(), null, batch.now);
        List<Account> chartAccounts = new ArrayList<>();
        for (AccountTemplate t : chart.accounts()) {
            chartAccounts.add(new Account(++lastAccountId, fund.id(), t.code(), t.name(), t.type(), t.restricted(),
                    t.mustNotGoNegative() || c.mustNotGoNegative(), Balances.ZERO));
        }
        putFund(fund);
        chartAccounts.forEach(this::putAccount);
        batch.writes.addFund(fund, chartAccounts);
        return new Outcome.Accepted<>(fund, false);
    }

    private Outcome<Fund> closePeriod(ClosePeriod c, Batch batch) {
        Fund fund = fundsByCode.get(c.fundCode());
        if (fund == null) {
            return rejected(Rejection.FUND_MUST_EXIST, "no fund " + c.fundCode(), "fundCode");
        }
        if (c.through().isAfter(batch.now)) {
            return rejected(Rejection.PERIOD_MUST_HAVE_ENDED, "a period can be closed only after it ends: " + c.through(), "period");
        }
        if (fund.closedThrough() != null && !c.through().isAfter(fund.closedThrough())) {
            return rejected(Rejection.PERIOD_MUST_NOT_BE_CLOSED_ALREADY, "fund " + fund.code() + " is closed through "
                    + fund.closedThrough(), "period");
        }
        Fund closed = fund.withClosedThrough(c.through());
        putFund(closed);
        batch.writes.closePeriod(fund.id(), c.through());
        return new Outcome.Accepted<>(closed, false);
    }

    // --- posting -----------------------------------------------------------------------------------------

    private Outcome<Transaction> postEntry(PostEntry c, Batch batch) {
        Outcome<Transaction> replay = replay(c.idempotencyKey(), c.requestHash(), batch);
        if (replay != null) {
            return replay;
        }
        // Net every account's lines, fund by fund, keeping the order in which the accountant wrote them.
        Map<Long, Map<Long, Long>> netByFund = new LinkedHashMap<>();
        Map<Long, long[]> totalsByFund = new LinkedHashMap<>();
        for (int i = 0; i < c.lines().size(); i++) {
            PostingLine line = c.lines().get(i);
            String fundCode = line.fundCode() != null ? line.fundCode() : c.fundCode();
            Fund fund = fundsByCode.get(fundCode);
            if (fund == null) {
                return rejected(Rejection.FUND_MUST_EXIST, "no fund " + fundCode,
                        line.fundCode() != null ? "postings[" + i + "].fundCode" : "fundCode");
            }
            Long accountId = accountIdsByFund.get(fund.id()).get(line.accountCode());
            if (accountId == null) {
                return rejected(Rejection.ACCOUNT_MUST_EXIST, "fund " + fund.code() + " has no account " + line.accountCode(),
                        "postings[" + i + "].accountCode");
            }
            netByFund.computeIfAbsent(fund.id(), k -> new LinkedHashMap<>())
                    .merge(accountId, line.debitFen() - line.creditFen(), Math::addExact);
            long[] totals = totalsByFund.computeIfAbsent(fund.id(), k -> new long[2]);
            totals[0] = Math.addExact(totals[0], line.debitFen());
            totals[1] = Math.addExact(totals[1], line.creditFen());
        }
        if (netByFund.size() > 2) {
            return rejected(Rejection.TRANSACTION_MUST_TOUCH_AT_MOST_TWO_FUNDS,
                    "a transaction links at most two funds; this one touches " + netByFund.size(), "postings");
        }
        for (Map.Entry<Long, long[]> e : totalsByFund.entrySet()) {
            long[] t = e.getValue();
            if (t[0] != t[1]) {
                return rejected(Rejection.TRANSACTION_MUST_BALANCE, "debits " + Money.format(t[0]) + " must equal credits "
                        + Money.format(t[1]) + " in fund " + fundsById.get(e.getKey()).code(), "postings");
            }
        }
        List<Leg> legs = new ArrayList<>();
        netByFund.forEach((fundId, net) -> decompose(fundId, net, legs));
        if (legs.isEmpty()) {
            return rejected(Rejection.TRANSACTION_MUST_MOVE_MONEY, "every account's debits and credits cancel out", "postings");
        }
        Instant occurredAt = eventTime(c.occurredAt(), batch);
        Outcome<Transaction> closed = requireOpen(netByFund.keySet(), occurredAt, batch, "occurredAt");
        if (closed != null) {
            return closed;
        }
        Movement movement = new Movement();
        legs.forEach(movement::post);
        return book(movement, batch, c.idempotencyKey(), c.requestHash(), fundsByCode.get(c.fundCode()).id(), c.kind(),
                Phase.POSTED, c.memo(), occurredAt,
                null, null, c.references(), c.recordedBy(), legs);
    }

    private Outcome<Transaction> reverse(Reverse c, Batch batch) {
        Outcome<Transaction> replay = replay(c.idempotencyKey(), c.requestHash(), batch);
        if (replay != null) {
            return replay;
        }
        Transaction original = batch.transaction(c.transactionId());
        if (original == null) {
            return rejected(Rejection.TRANSACTION_MUST_EXIST, "no transaction " + c.transactionId(), "id");
        }
        if (!original.phase().movesPostedBalances()) {
            return rejected(Rejection.TRANSACTION_MUST_BE_POSTED, "transaction " + original.id() + " is " + original.phase()
                    + "; only posted transactions are reversed (void a pending one)", "id");
        }
        if (batch.reversed.contains(original.id()) || batch.prefetch.reversedIds().contains(original.id())) {
            return rejected(Rejection.TRANSACTION_MUST_NOT_BE_REVERSED_TWICE, "transaction " + original.id()
                    + " has already been reversed", "id");
        }
        Instant occurredAt = eventTime(c.occurredAt(), batch);
        Set<Long> funds = new HashSet<>();
        original.legs().forEach(l -> funds.add(l.fundId()));
        Outcome<Transaction> closed = requireOpen(funds, occurredAt, batch, "occurredAt");
        if (closed != null) {
            return closed;
        }
        List<Leg> legs = new ArrayList<>();
        for (Leg leg : original.legs()) {
            legs.add(leg.reversed(legs.size()));
        }
        Movement movement = new Movement();
        legs.forEach(movement::post);
        Outcome<Transaction> outcome = book(movement, batch, c.idempotencyKey(), c.requestHash(), original.fundId(), TransactionKind.REVERSAL,
                Phase.POSTED, "冲销 reversal of #" + original.id() + ": " + c.reason(), occurredAt, original.id(), null,
                original.references(), c.recordedBy(), legs);
        if (outcome.accepted()) {
            batch.reversed.add(original.id());
        }
        return outcome;
    }

    private Outcome<Transaction> createPending(CreatePending c, Batch batch) {
        Outcome<Transaction> replay = replay(c.idempotencyKey(), c.requestHash(), batch);
        if (replay != null) {
            return replay;
        }
        Fund fund = fundsByCode.get(c.fundCode());
        if (fund == null) {
            return rejected(Rejection.FUND_MUST_EXIST, "no fund " + c.fundCode(), "fundCode");
        }
        Map<String, Long> ids = accountIdsByFund.get(fund.id());
        Long debit = ids.get(c.debitAccountCode());
        Long credit = ids.get(c.creditAccountCode());
        if (debit == null || credit == null) {
            return rejected(Rejection.ACCOUNT_MUST_EXIST, "fund " + fund.code() + " has no account "
                    + (debit == null ? c.debitAccountCode() : c.creditAccountCode()),
                    debit == null ? "debitAccountCode" : "creditAccountCode");
        }
        if (debit.equals(credit)) {
            return rejected(Rejection.TRANSACTION_MUST_MOVE_MONEY, "a transfer needs two different accounts", "creditAccountCode");
        }
        Instant occurredAt = eventTime(c.occurredAt(), batch);
        Outcome<Transaction> closed = requireOpen(Set.of(fund.id()), occurredAt, batch, "occurredAt");
        if (closed != null) {
            return closed;
        }
        List<Leg> legs = List.of(new Leg(0, fund.id(), debit, credit, c.amountFen(), false));
        Movement movement = new Movement();
        movement.reserve(legs.get(0), 1);
        Outcome<Transaction> outcome = book(movement, batch, c.idempotencyKey(), c.requestHash(), fund.id(), c.kind(), Phase.PENDING,
                c.memo(), occurredAt, null, null, c.references(), c.recordedBy(), legs);
        if (outcome instanceof Outcome.Accepted<Transaction> a && !a.replayed()) {
            openPendings.put(a.value().id(), a.value());
        }
        return outcome;
    }

    /** Posts ({@code postAmountFen}: part, or all when null) or voids a pending transfer. */
    private Outcome<Transaction> resolvePending(String key, String requestHash, String recordedBy, long pendingId,
                                                boolean isVoid, Long postAmountFen, String memo, Batch batch) {
        Outcome<Transaction> replay = replay(key, requestHash, batch);
        if (replay != null) {
            return replay;
        }
        Transaction pending = openPendings.get(pendingId);
        if (pending == null) {
            Transaction known = batch.transaction(pendingId);
            if (known != null && known.phase() == Phase.PENDING) {
                return rejected(Rejection.PENDING_MUST_BE_OPEN, "pending transfer " + pendingId + " was already posted or voided", "id");
            }
            return known == null ? rejected(Rejection.TRANSACTION_MUST_EXIST, "no transaction " + pendingId, "id")
                    : rejected(Rejection.TRANSACTION_MUST_BE_PENDING, "transaction " + pendingId + " is "
                            + known.phase() + ", not a pending transfer", "id");
        }
        Leg reserved = pending.legs().get(0);
        long postFen = isVoid ? 0 : (postAmountFen == null ? reserved.amountFen() : postAmountFen);
        if (postFen > reserved.amountFen()) {
            return rejected(Rejection.POST_MUST_NOT_EXCEED_PENDING, "cannot post " + Money.format(postFen) + " of a pending "
                    + Money.format(reserved.amountFen()), "amount");
        }
        Instant occurredAt = batch.now;
        Outcome<Transaction> closed = requireOpen(Set.of(reserved.fundId()), occurredAt, batch, "occurredAt");
        if (closed != null) {
            return closed;
        }
        Movement movement = new Movement();
        movement.reserve(reserved, -1);
        List<Leg> legs = new ArrayList<>();
        if (postFen > 0) {
            Leg posted = new Leg(0, reserved.fundId(), reserved.debitAccountId(), reserved.creditAccountId(), postFen, true);
            legs.add(posted);
            movement.post(posted);
        }
        Outcome<Transaction> outcome = book(movement, batch, key, requestHash, pending.fundId(), pending.kind(),
                isVoid ? Phase.VOID_PENDING : Phase.POST_PENDING, memo != null ? memo : pending.memo(), occurredAt,
                null, pendingId, pending.references(), recordedBy, legs);
        if (outcome instanceof Outcome.Accepted<Transaction> a && !a.replayed()) {
            openPendings.remove(pendingId);
        }
        return outcome;
    }

    // --- the shared path: guards, hashing, state ---------------------------------------------------------

    /** The account totals a transaction would change, checked against guards before anything is kept. */
    private final class Movement {
        private final Map<Long, long[]> deltas = new LinkedHashMap<>();

        void post(Leg leg) {
            delta(leg.debitAccountId())[0] += leg.amountFen();
            delta(leg.creditAccountId())[1] += leg.amountFen();
        }

        /** Adds ({@code sign} 1) or releases ({@code sign} −1) a pending leg. */
        void reserve(Leg leg, int sign) {
            delta(leg.debitAccountId())[2] += sign * leg.amountFen();
            delta(leg.creditAccountId())[3] += sign * leg.amountFen();
        }

        private long[] delta(long accountId) {
            return deltas.computeIfAbsent(accountId, k -> new long[4]);
        }
    }

    private Outcome<Transaction> book(Movement movement, Batch batch, String key, String requestHash, long fundId, TransactionKind kind,
                                      Phase phase, String memo, Instant occurredAt, Long reversesId, Long pendingId,
                                      References references, String recordedBy, List<Leg> legs) {
        long moving = 0;
        for (long[] d : movement.deltas.values()) {
            moving += d[0] + d[2]; // each at most a transaction's total, which LINE_AMOUNT_FEN_MAX bounds
        }
        if (moving > 0 && bookedFen > LedgerLimits.BOOKED_FEN_MAX - moving) {
            return rejected(Rejection.BOOKS_TOTAL_MUST_NOT_EXCEED_MAX, "the books hold " + Money.format(bookedFen)
                    + " in all; another " + Money.format(moving) + " would take them past their limit "
                    + Money.format(LedgerLimits.BOOKED_FEN_MAX) + " (bookedFenMax), past which no sum of totals is safe",
                    "postings");
        }
        Map<Long, Account> next = new HashMap<>();
        for (Map.Entry<Long, long[]> e : movement.deltas.entrySet()) {
            Account account = accounts.get(e.getKey());
            long[] d = e.getValue();
            Balances after;
            try {
                after = account.balances().plus(d[0], d[1], d[2], d[3]);
            } catch (ArithmeticException overflow) {
                return rejected(Rejection.ACCOUNT_TOTAL_MUST_NOT_OVERFLOW, "account " + account.code() + " of fund "
                        + fundsById.get(account.fundId()).code() + " would overflow its totals", "postings");
            }
            long availableAfter = after.availableFen(account.normalSide());
            if (account.mustNotGoNegative() && availableAfter < 0 && availableAfter < account.availableFen()) {
                return rejected(Rejection.ACCOUNT_MUST_NOT_GO_NEGATIVE, "account " + account.code() + " of fund "
                        + fundsById.get(account.fundId()).code() + " has " + Money.format(account.availableFen())
                        + " available and would go to " + Money.format(availableAfter), "postings");
            }
            next.put(account.id(), account.withBalances(after));
        }
        Transaction unhashed = new Transaction(lastTransactionId + 1, key, requestHash, fundId, kind, phase, memo, occurredAt,
                batch.now, reversesId, pendingId, references, recordedBy, headHash, "", legs);
        Transaction transaction = new Transaction(unhashed.id(), key, requestHash, fundId, kind, phase, memo, occurredAt, batch.now,
                reversesId, pendingId, references, recordedBy, headHash, ChainHash.of(unhashed), legs);
        lastTransactionId = transaction.id();
        headHash = transaction.hash();
        transactionCount++;
        accounts.putAll(next);
        bookedFen += moving;
        movement.deltas.forEach((id, d) -> batch.writes.addDelta(id, d[0], d[1], d[2], d[3]));
        // The period balances mirror the posted totals: a pending leg counts only once it is posted, in the month of
        // the posting's event time, which is where the journal's as-of sums find it too.
        int period = AccountingMonth.of(occurredAt);
        for (Leg leg : legs) {
            if (leg.posted()) {
                batch.writes.addPeriodDelta(new AccountPeriod(leg.fundId(), leg.debitAccountId(), period), leg.amountFen(), 0);
                batch.writes.addPeriodDelta(new AccountPeriod(leg.fundId(), leg.creditAccountId(), period), 0, leg.amountFen());
            }
        }
        batch.writes.addTransaction(transaction);
        if (transactionCount % transactionsPerCheckpoint == 0) {
            batch.writes.addCheckpoint(new ChainCheckpoint(transaction.id(), transaction.hash(), transactionCount));
        }
        batch.byKey.put(key, transaction);
        batch.byId.put(transaction.id(), transaction);
        return new Outcome.Accepted<>(transaction, false);
    }

    private Outcome<Transaction> replay(String key, String requestHash, Batch batch) {
        Transaction earlier = batch.earlierWithKey(key);
        if (earlier == null) {
            return null;
        }
        if (earlier.requestHash().equals(requestHash)) {
            return new Outcome.Accepted<>(earlier, true);
        }
        return rejected(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key " + key
                + " was already used for a different request (transaction " + earlier.id() + ")", "Idempotency-Key");
    }

    /**
     * The event time must not lie in the future (beyond {@link LedgerLimits#CLOCK_SKEW_MAX} of clock skew) nor in
     * a closed period of any fund the transaction touches.
     */
    private Outcome<Transaction> requireOpen(Iterable<Long> fundIds, Instant occurredAt, Batch batch, String field) {
        if (occurredAt.isAfter(batch.now.plus(LedgerLimits.CLOCK_SKEW_MAX))) {
            return rejected(Rejection.TRANSACTION_MUST_NOT_BE_DATED_IN_THE_FUTURE, "occurredAt " + occurredAt
                    + " is in the future; the books record what has happened", field);
        }
        for (Long fundId : fundIds) {
            Fund fund = fundsById.get(fundId);
            if (!fund.isOpenAt(occurredAt)) {
                return rejected(Rejection.PERIOD_MUST_BE_OPEN, "fund " + fund.code() + " is closed through "
                        + fund.closedThrough() + "; " + occurredAt + " falls inside a closed period", field);
            }
        }
        return null;
    }

    /**
     * Splits one fund's net amounts per account (positive: debit) into legs, matching debits to credits
     * in the order the accounts appeared. The result moves exactly the same amounts.
     */
    private static void decompose(long fundId, Map<Long, Long> net, List<Leg> legs) {
        List<long[]> debits = new ArrayList<>();
        List<long[]> credits = new ArrayList<>();
        net.forEach((accountId, amount) -> {
            if (amount > 0) {
                debits.add(new long[] {accountId, amount});
            } else if (amount < 0) {
                credits.add(new long[] {accountId, -amount});
            }
        });
        int d = 0;
        int c = 0;
        while (d < debits.size() && c < credits.size()) {
            long[] debit = debits.get(d);
            long[] credit = credits.get(c);
            long amount = Math.min(debit[1], credit[1]);
            legs.add(new Leg(legs.size(), fundId, debit[0], credit[0], amount, true));
            debit[1] -= amount;
            credit[1] -= amount;
            if (debit[1] == 0) {
                d++;
            }
            if (credit[1] == 0) {
                c++;
            }
        }
        if (d != debits.size() || c != credits.size()) {
            throw new IllegalStateException("decomposing an unbalanced fund " + fundId + ": " + net);
        }
    }

    /** The event time as storage will keep it (microseconds), or the batch's time when none is given. */
    private static Instant eventTime(Instant given, Batch batch) {
        return given == null ? batch.now : given.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private void putFund(Fund fund) {
        fundsByCode.put(fund.code(), fund);
        fundsById.put(fund.id(), fund);
        accountIdsByFund.computeIfAbsent(fund.id(), k -> new HashMap<>());
    }

    private void putAccount(Account account) {
        accounts.put(account.id(), account);
        accountIdsByFund.computeIfAbsent(account.fundId(), k -> new HashMap<>()).put(account.code(), account.id());
    }

    private static <T> Outcome<T> rejected(Rejection rejection, String detail, String field) {
        return new Outcome.Rejected<>(rejection, detail, field);
    }

    Account account(long id) {
        return accounts.get(id);
    }

    String headHash() {
        return headHash;
    }
}
