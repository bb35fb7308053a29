package org.mingzhang.store;

import static org.mingzhang.store.jooq.Tables.ACCOUNT;
import static org.mingzhang.store.jooq.Tables.CHAIN_CHECKPOINT;
import static org.mingzhang.store.jooq.Tables.FUND;
import static org.mingzhang.store.jooq.Tables.JOURNAL_LEG;
import static org.mingzhang.store.jooq.Tables.JOURNAL_TRANSACTION;
import static org.mingzhang.store.jooq.Tables.PERIOD_BALANCE;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.mingzhang.account.Account;
import org.mingzhang.account.AccountType;
import org.mingzhang.account.Balances;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.AccountPeriod;
import org.mingzhang.journal.AccountingMonth;
import org.mingzhang.journal.ChainCheckpoint;
import org.mingzhang.journal.ChainHead;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.journal.ChainHash;
import org.mingzhang.journal.JournalStore;
import org.mingzhang.journal.KeptRequest;
import org.mingzhang.journal.LedgerReads;
import org.mingzhang.journal.LedgerSnapshot;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Phase;
import org.mingzhang.journal.Prefetch;
import org.mingzhang.journal.References;
import org.mingzhang.journal.RequestKey;
import org.mingzhang.journal.StorageUnavailableException;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.TransactionQuery;
import org.mingzhang.journal.WriteBatch;
import org.mingzhang.store.jooq.tables.records.ChainCheckpointRecord;
import org.mingzhang.store.jooq.tables.records.JournalLegRecord;
import org.mingzhang.store.jooq.tables.records.JournalTransactionRecord;

/**
 * The journal on H2 or PostgreSQL through jOOQ. Writes go through one dedicated connection that the
 * single writer owns (on PostgreSQL it holds an advisory lock, so a second writer cannot start); reads
 * use the pool and see only committed batches. Every transaction read back is checked to be whole.
 */
final class JooqJournalStore implements JournalStore, LedgerReads {

    /** The advisory lock key that marks the one writer of a database ("MZ" in ASCII). */
    private static final long WRITER_LOCK_KEY = 0x4D5AL;

    private final Database database;
    private final DSLContext reads;
    private final RecordRouter router;
    private Connection writeConnection;
    private DSLContext writes;
    /** PostgreSQL: the statements of the writer's transaction not yet sent; null on H2. */
    private StatementPipeline pipeline;
    /** Set when the database was lost: the next write transaction opens a new connection first. */
    private boolean reconnectNeeded;
    /** Whether the writer's transaction holds a batch's reads ahead, which the batch's commit will end. */
    private boolean batchReadsOpen;

    JooqJournalStore(Database database, RecordRouter router) {
        this.database = database;
        this.reads = database.dsl();
        this.router = router;
    }

    // --- the writer's side -------------------------------------------------------------------------------

    @Override
    public void claimWriter() {
        try {
            connectWriter();
        } catch (IllegalStateException e) {
            close();
            throw e;
        } catch (SQLException | RuntimeException e) {
            close();
            throw new IllegalStateException("cannot open the writer's connection: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the writer's connection and, on PostgreSQL, takes the advisory lock that makes it the only writer.
     * Throws {@link IllegalStateException} when another session holds the lock.
     */
    private void connectWriter() throws SQLException {
        writeConnection = database.dataSource().getConnection();
        writeConnection.setAutoCommit(false);
        writes = DSL.using(Database.configuration(database.vendor()).derive(writeConnection));
        if (database.vendor() == Database.Vendor.POSTGRESQL) {
            // The writer's row statements of a transaction go to the server together (StatementPipeline).
            pipeline = new StatementPipeline();
            writes = pipeline.attachTo(writes);
            Boolean locked = writes.select(DSL.field("pg_try_advisory_lock({0})", Boolean.class, WRITER_LOCK_KEY))
                    .fetchOne(0, Boolean.class);
            // The writer's lookups (idempotency keys IN (…)) change shape with every batch and the journal grows
            // fast: a generic plan cached while the table was small would scan it whole. Plan each time instead.
            writes.execute("SET plan_cache_mode = force_custom_plan");
            writeConnection.commit();
            if (!Boolean.TRUE.equals(locked)) {
                close();
                throw new IllegalStateException("another Mingzhang writer already holds this database "
                        + "(advisory lock " + WRITER_LOCK_KEY + "); run one service instance per database");
            }
        }
    }

    /**
     * After the database was lost, connects again. The advisory lock is taken again too: until the server has
     * ended the lost connection's session (and with it any commit it still had in hand), the lock stays taken,
     * so the writer waits rather than decide on a state that such a commit could still change.
     */
    private void reconnectWriter() {
        try {
            connectWriter();
            reconnectNeeded = false;
        } catch (IllegalStateException lockedStill) {
            throw new StorageUnavailableException("the database answers again, but the writer's lock is still held (by "
                    + "the session of the lost connection until the server ends it, or by another instance)", lockedStill);
        } catch (SQLException | RuntimeException e) {
            close();
            throw StorageFailures.unavailable(e);
        }
    }
    @Override
    public LedgerSnapshot load() {
        return inWriteTransaction(dsl -> {
            List<Fund> funds = dsl.selectFrom(FUND).orderBy(FUND.ID).fetch(JooqJournalStore::fund);
            List<Account> accounts = dsl.selectFrom(ACCOUNT).orderBy(ACCOUNT.ID).fetch(JooqJournalStore::account);
            var resolver = JOURNAL_TRANSACTION.as("resolver");
            List<Transaction> openPendings = withLegs(dsl, dsl.selectFrom(JOURNAL_TRANSACTION)
                    .where(PENDING_ROWS)
                    .andNotExists(DSL.selectOne().from(resolver).where(resolver.PENDING_ID.eq(JOURNAL_TRANSACTION.ID)))
                    .fetch());
            JournalTransactionRecord head = dsl.selectFrom(JOURNAL_TRANSACTION).orderBy(JOURNAL_TRANSACTION.ID.desc())
                    .limit(1).fetchOne();
            long lastFundId = funds.stream().mapToLong(Fund::id).max().orElse(0);
            long lastAccountId = accounts.stream().mapToLong(Account::id).max().orElse(0);
            // The chain's length, counted from the last checkpoint on: fewer rows than lie between two checkpoints.
            ChainCheckpointRecord checkpoint = dsl.selectFrom(CHAIN_CHECKPOINT).orderBy(CHAIN_CHECKPOINT.TRANSACTION_ID.desc())
                    .limit(1).fetchOne();
            long counted = checkpoint == null ? 0 : checkpoint.getTransactionCount();
            long countedThrough = checkpoint == null ? 0 : checkpoint.getTransactionId();
            long transactionCount = Math.addExact(counted, dsl.fetchCount(JOURNAL_TRANSACTION,
                    JOURNAL_TRANSACTION.ID.gt(countedThrough)));
            return new LedgerSnapshot(funds, accounts, openPendings, head == null ? ChainHash.GENESIS : head.getHash(),
                    head == null ? 0 : head.getId(), lastFundId, lastAccountId, transactionCount);
        });
    }

    @Override
    public Prefetch prefetch(Set<String> idempotencyKeys, Set<Long> transactionIds) {
        return inBatchReads(dsl -> {
            Map<String, Transaction> byKey = new HashMap<>();
            if (!idempotencyKeys.isEmpty()) {
                for (Transaction t : withLegs(dsl, dsl.selectFrom(JOURNAL_TRANSACTION)
                        .where(JOURNAL_TRANSACTION.IDEMPOTENCY_KEY.in(idempotencyKeys)).fetch())) {
                    byKey.put(t.idempotencyKey(), t);
                }
            }
            Map<Long, Transaction> byId = new HashMap<>();
            Set<Long> reversed = new java.util.HashSet<>();
            if (!transactionIds.isEmpty()) {
                for (Transaction t : withLegs(dsl, dsl.selectFrom(JOURNAL_TRANSACTION)
                        .where(JOURNAL_TRANSACTION.ID.in(transactionIds)).fetch())) {
                    byId.put(t.id(), t);
                }
                reversed.addAll(dsl.select(JOURNAL_TRANSACTION.REVERSES_ID).from(JOURNAL_TRANSACTION)
                        .where(JOURNAL_TRANSACTION.REVERSES_ID.in(transactionIds)).fetch(JOURNAL_TRANSACTION.REVERSES_ID));
            }
            return new Prefetch(byKey, byId, reversed);
        });
    }

    @Override
    public Map<RequestKey.Scope, KeptRequest> keptRequests(Set<RequestKey.Scope> scopes) {
        return inBatchReads(dsl -> JooqRequestKeys.read(dsl, scopes));
    }

    @Override
    public void commit(WriteBatch batch) {
        inWriteTransaction(dsl -> {
            insertFunds(dsl, batch.newFunds());
            insertAccounts(dsl, batch.newAccounts());
            insertTransactions(dsl, batch.transactions());
            if (database.vendor() == Database.Vendor.POSTGRESQL) {
                PostgresBatchWriter.updateTotals(dsl, batch.accountDeltas());
            } else {
                updateTotals(dsl, batch.accountDeltas());
            }
            addToPeriods(dsl, batch.periodDeltas());
            insertCheckpoints(dsl, batch.checkpoints());
            batch.closedThrough().forEach((fundId, through) -> dsl.update(FUND)
                    .set(FUND.CLOSED_THROUGH, odt(through)).where(FUND.ID.eq(fundId)).execute());
            writeRecords(dsl, batch.records());
            return null;
        });
        try {
            database.forceToDisk(writeConnection);
        } catch (SQLException e) {
            // Committed but perhaps not on disk: nothing of the batch may be acknowledged as durable.
            throw failed(new IllegalStateException("the batch committed but could not be forced to disk: " + e.getMessage(), e));
        }
    }

    /** Hands each run of consecutive records of one writer to it in one go, keeping the batch's order. */
    private void writeRecords(DSLContext dsl, List<BatchRecord> records) {
        int from = 0;
        while (from < records.size()) {
            RecordWriter writer = records.get(from).accept(router);
            int to = from + 1;
            while (to < records.size() && records.get(to).accept(router) == writer) {
                to++;
            }
            writer.writeAll(dsl, records.subList(from, to));
            from = to;
        }
    }

    private static void insertFunds(DSLContext dsl, List<Fund> funds) {
        if (funds.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(FUND, FUND.ID, FUND.CODE, FUND.NAME, FUND.FUND_LEVEL, FUND.PARENT_ID,
                FUND.MUST_NOT_GO_NEGATIVE, FUND.CLOSED_THROUGH, FUND.CREATED_AT);
        for (Fund f : funds) {
            insert = insert.values(f.id(), f.code(), f.name(), f.level().name(), f.parentId(), f.mustNotGoNegative(),
                    odt(f.closedThrough()), odt(f.createdAt()));
        }
        insert.execute();
    }

    private static void insertAccounts(DSLContext dsl, List<Account> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(ACCOUNT, ACCOUNT.ID, ACCOUNT.FUND_ID, ACCOUNT.CODE, ACCOUNT.NAME, ACCOUNT.TYPE,
                ACCOUNT.NORMAL_SIDE, ACCOUNT.RESTRICTED, ACCOUNT.MUST_NOT_GO_NEGATIVE);
        for (Account a : accounts) {
            insert = insert.values(a.id(), a.fundId(), a.code(), a.name(), a.type().name(), a.normalSide().name(),
                    a.restricted(), a.mustNotGoNegative());
        }
        insert.execute();
    }

    private static void insertTransactions(DSLContext dsl, List<Transaction> transactions) {
        List<Object[]> rows = new ArrayList<>(transactions.size());
        List<Object[]> legs = new ArrayList<>();
        for (Transaction t : transactions) {
            OffsetDateTime occurredAt = odt(t.occurredAt());
            rows.add(new Object[] {t.id(), t.idempotencyKey(), t.requestHash(), t.fundId(), t.kind().name(), t.phase().name(),
                    t.memo(), occurredAt, odt(t.recordedAt()), t.reversesId(), t.pendingId(), t.references().gift(),
                    t.references().disbursement(), t.references().pool(), t.recordedBy(), t.prevHash(), t.hash(),
                    t.references().project()});
            for (Leg leg : t.legs()) {
                legs.add(new Object[] {t.id(), leg.legNo(), leg.fundId(), leg.debitAccountId(), leg.creditAccountId(),
                        leg.amountFen(), leg.posted(), occurredAt});
            }
        }
        RowBatches.insert(dsl, JOURNAL_TRANSACTION, TRANSACTION_COLUMNS, rows);
        RowBatches.insert(dsl, JOURNAL_LEG, LEG_COLUMNS, legs);
    }

    /**
     * The journal's pending rows, as the start-up reads them: a literal, so PostgreSQL's partial index of those rows
     * (V20) applies to any plan ({@code StartUpIndexesTest}).
     */
    static final Condition PENDING_ROWS = JOURNAL_TRANSACTION.PHASE.eq(DSL.inline(Phase.PENDING.name()));

    /** The columns of a journal transaction's row, in the order {@link #insertTransactions} gives its values. */
    private static final List<Field<?>> TRANSACTION_COLUMNS = List.of(JOURNAL_TRANSACTION.ID, JOURNAL_TRANSACTION.IDEMPOTENCY_KEY,
            JOURNAL_TRANSACTION.REQUEST_HASH, JOURNAL_TRANSACTION.FUND_ID, JOURNAL_TRANSACTION.KIND, JOURNAL_TRANSACTION.PHASE,
            JOURNAL_TRANSACTION.MEMO, JOURNAL_TRANSACTION.OCCURRED_AT, JOURNAL_TRANSACTION.RECORDED_AT,
            JOURNAL_TRANSACTION.REVERSES_ID, JOURNAL_TRANSACTION.PENDING_ID, JOURNAL_TRANSACTION.GIFT_REF,
            JOURNAL_TRANSACTION.DISBURSEMENT_REF, JOURNAL_TRANSACTION.POOL_REF, JOURNAL_TRANSACTION.RECORDED_BY,
            JOURNAL_TRANSACTION.PREV_HASH, JOURNAL_TRANSACTION.HASH, JOURNAL_TRANSACTION.PROJECT_REF);

    private static final List<Field<?>> LEG_COLUMNS = List.of(JOURNAL_LEG.TRANSACTION_ID, JOURNAL_LEG.LEG_NO, JOURNAL_LEG.FUND_ID,
            JOURNAL_LEG.DEBIT_ACCOUNT_ID, JOURNAL_LEG.CREDIT_ACCOUNT_ID, JOURNAL_LEG.AMOUNT_FEN, JOURNAL_LEG.POSTED,
            JOURNAL_LEG.OCCURRED_AT);

    /** One aggregated increment per touched account, sent as one JDBC batch. */
    private static void updateTotals(DSLContext dsl, Map<Long, long[]> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        BatchBindStep batch = dsl.batch(dsl.update(ACCOUNT)
                .set(ACCOUNT.DEBITS_POSTED_FEN, ACCOUNT.DEBITS_POSTED_FEN.plus((Long) null))
                .set(ACCOUNT.CREDITS_POSTED_FEN, ACCOUNT.CREDITS_POSTED_FEN.plus((Long) null))
                .set(ACCOUNT.DEBITS_PENDING_FEN, ACCOUNT.DEBITS_PENDING_FEN.plus((Long) null))
                .set(ACCOUNT.CREDITS_PENDING_FEN, ACCOUNT.CREDITS_PENDING_FEN.plus((Long) null))
                .where(ACCOUNT.ID.eq((Long) null)));
        deltas.forEach((id, d) -> batch.bind(d[0], d[1], d[2], d[3], id));
        int[] counts = batch.execute();
        for (int count : counts) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("an account total update touched " + count + " rows");
            }
        }
    }

    /**
     * One aggregated increment per touched account and month: the month's row is added when it is the first posting of
     * the account in that month, and increased otherwise.
     */
    private static void addToPeriods(DSLContext dsl, Map<AccountPeriod, long[]> deltas) {
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((key, d) -> rows.add(new Object[] {key.fundId(), key.accountId(), key.period(), d[0], d[1]}));
        RowBatches.upsertAdding(dsl, PERIOD_BALANCE, List.of(PERIOD_BALANCE.FUND_ID, PERIOD_BALANCE.ACCOUNT_ID,
                PERIOD_BALANCE.PERIOD), List.of(PERIOD_BALANCE.DEBITS_POSTED_FEN, PERIOD_BALANCE.CREDITS_POSTED_FEN), rows);
    }

    private static void insertCheckpoints(DSLContext dsl, List<ChainCheckpoint> checkpoints) {
        RowBatches.insert(dsl, CHAIN_CHECKPOINT, List.of(CHAIN_CHECKPOINT.TRANSACTION_ID, CHAIN_CHECKPOINT.HASH,
                CHAIN_CHECKPOINT.TRANSACTION_COUNT), checkpoints.stream()
                .map(c -> new Object[] {c.transactionId(), c.hash(), c.transactionCount()}).toList());
    }

    private <T> T inWriteTransaction(java.util.function.Function<DSLContext, T> work) {
        T result = inBatchReads(work);
        try {
            if (pipeline != null) {
                pipeline.send(writes);
            }
            writeConnection.commit();
            return result;
        } catch (RuntimeException e) {
            throw failed(e);
        } catch (SQLException e) {
            throw failed(new IllegalStateException("commit failed: " + e.getMessage(), e));
        } finally {
            batchReadsOpen = false;
        }
    }

    /**
     * Runs the work in the writer's transaction and leaves the transaction open: a batch's reads ahead and its writes
     * share one transaction, which the batch's {@link #commit} ends (or {@link #endBatchReads}, when the batch writes
     * nothing). The reads' own commit was a round trip of its own on PostgreSQL (docs/benchmarks.md, tenth pass). Only
     * the writer writes, so what the reads saw is still so when the writes commit.
     */
    private <T> T inBatchReads(java.util.function.Function<DSLContext, T> work) {
        if (reconnectNeeded) {
            reconnectWriter();
        }
        if (writes == null) {
            throw new IllegalStateException("the writer has not claimed the database");
        }
        try {
            T result = work.apply(writes);
            batchReadsOpen = true;
            return result;
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public void endBatchReads() {
        if (!batchReadsOpen) {
            return;
        }
        batchReadsOpen = false;
        try {
            writeConnection.commit();
        } catch (SQLException e) {
            throw failed(new IllegalStateException("ending the batch's reads failed: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * Rolls back what a failed transaction wrote and says why it failed. A lost database leaves the connection
     * useless: it is dropped, and the next transaction connects again.
     */
    private RuntimeException failed(RuntimeException e) {
        batchReadsOpen = false;
        if (pipeline != null) {
            pipeline.discard();
        }
        if (StorageFailures.isUnavailable(e)) {
            close();
            reconnectNeeded = true;
            return StorageFailures.translate(e);
        }
        rollbackQuietly(e);
        return e;
    }

    private void rollbackQuietly(Exception cause) {
        try {
            writeConnection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (writeConnection != null) {
            try {
                writeConnection.close();
            } catch (SQLException ignored) {
                // Closing returns the connection to a pool that is about to close as well.
            }
            writeConnection = null;
            writes = null;
            pipeline = null;
        }
    }

    // --- reads -------------------------------------------------------------------------------------------

    @Override
    public List<Fund> funds() {
        return reads.selectFrom(FUND).orderBy(FUND.CODE).fetch(JooqJournalStore::fund);
    }

    @Override
    public Optional<Fund> fund(String code) {
        return reads.selectFrom(FUND).where(FUND.CODE.eq(code)).fetchOptional(JooqJournalStore::fund);
    }

    @Override
    public Optional<Fund> fund(long id) {
        return reads.selectFrom(FUND).where(FUND.ID.eq(id)).fetchOptional(JooqJournalStore::fund);
    }

    @Override
    public List<Account> accounts(long fundId) {
        return reads.selectFrom(ACCOUNT).where(ACCOUNT.FUND_ID.eq(fundId)).orderBy(ACCOUNT.CODE).fetch(JooqJournalStore::account);
    }

    @Override
    public Optional<Transaction> transaction(long id) {
        // The transaction with its legs in one read (a pending transaction's legs are there too: every transaction has some).
        Result<Record> rows = reads.select(JOURNAL_TRANSACTION.fields()).select(JOURNAL_LEG.fields()).from(JOURNAL_TRANSACTION)
                .leftJoin(JOURNAL_LEG).on(JOURNAL_LEG.TRANSACTION_ID.eq(JOURNAL_TRANSACTION.ID))
                .where(JOURNAL_TRANSACTION.ID.eq(id)).orderBy(JOURNAL_LEG.LEG_NO).fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Leg> legs = new ArrayList<>(rows.size());
        for (Record row : rows) {
            if (row.get(JOURNAL_LEG.TRANSACTION_ID) != null) {
                legs.add(leg(row.into(JOURNAL_LEG)));
            }
        }
        return Optional.of(transaction(rows.get(0).into(JOURNAL_TRANSACTION), legs));
    }

    @Override
    public List<Transaction> transactions(TransactionQuery q) {
        Condition where = JOURNAL_TRANSACTION.ID.gt(q.afterId());
        if (q.fundId() != null) {
            // The fund's own entries, and the linked entries of other funds that have legs in it.
            where = where.and(JOURNAL_TRANSACTION.FUND_ID.eq(q.fundId()).orExists(DSL.selectOne().from(JOURNAL_LEG)
                    .where(JOURNAL_LEG.TRANSACTION_ID.eq(JOURNAL_TRANSACTION.ID)).and(JOURNAL_LEG.FUND_ID.eq(q.fundId()))));
        }
        if (q.from() != null) {
            where = where.and(JOURNAL_TRANSACTION.OCCURRED_AT.ge(odt(q.from())));
        }
        if (q.to() != null) {
            where = where.and(JOURNAL_TRANSACTION.OCCURRED_AT.le(odt(q.to())));
        }
        return withLegs(reads, reads.selectFrom(JOURNAL_TRANSACTION).where(where).orderBy(JOURNAL_TRANSACTION.ID)
                .limit(q.limit()).fetch());
    }

    @Override
    public Map<Long, long[]> postedTotalsAsOf(Collection<Long> fundIds, Instant asOf) {
        Map<Long, long[]> totals = new HashMap<>();
        if (fundIds.isEmpty()) {
            return totals;
        }
        Condition legs = JOURNAL_LEG.POSTED.isTrue().and(JOURNAL_LEG.FUND_ID.in(fundIds))
                .and(JOURNAL_LEG.OCCURRED_AT.le(odt(asOf)));
        // One statement, so that debits and credits are read as of one moment: as two statements, a batch that
        // committed between them left the totals uneven.
        Field<Long> account = DSL.field(DSL.name("account_id"), Long.class);
        Field<Long> debit = DSL.field(DSL.name("debit_fen"), Long.class);
        Field<Long> credit = DSL.field(DSL.name("credit_fen"), Long.class);
        var sides = DSL.select(JOURNAL_LEG.DEBIT_ACCOUNT_ID.as(account), JOURNAL_LEG.AMOUNT_FEN.as(debit), DSL.inline(0L).as(credit))
                .from(JOURNAL_LEG).where(legs)
                .unionAll(DSL.select(JOURNAL_LEG.CREDIT_ACCOUNT_ID, DSL.inline(0L), JOURNAL_LEG.AMOUNT_FEN).from(JOURNAL_LEG).where(legs))
                .asTable("sides");
        reads.select(sides.field(account), DSL.sum(sides.field(debit)), DSL.sum(sides.field(credit))).from(sides)
                .groupBy(sides.field(account))
                .forEach(r -> totals.put(r.value1(), new long[] {r.value2().longValueExact(), r.value3().longValueExact()}));
        return totals;
    }

    @Override
    public Map<Long, long[]> periodTotalsAsOf(Collection<Long> fundIds, Instant asOf) {
        Map<Long, long[]> totals = new HashMap<>();
        if (fundIds.isEmpty()) {
            return totals;
        }
        int month = AccountingMonth.of(asOf);
        // The funds as a table joined on the leg's fund, not an IN list: H2 then looks each fund's month up in the index
        // on (fund_id, occurred_at), where with IN it reads every leg of the funds. PostgreSQL does either well.
        var funds = DSL.values(fundIds.stream().map(DSL::row).toArray(org.jooq.Row1[]::new)).as("funds", "id");
        Field<Long> fundId = funds.field("id", Long.class);
        Condition legs = JOURNAL_LEG.FUND_ID.eq(fundId).and(JOURNAL_LEG.POSTED.isTrue())
                .and(JOURNAL_LEG.OCCURRED_AT.ge(odt(AccountingMonth.start(month)))).and(JOURNAL_LEG.OCCURRED_AT.le(odt(asOf)));
        // One statement, so that the months and the legs are read as of one moment: as two, a batch that committed
        // between them could count in neither or, for a month's legs, in both.
        Field<Long> account = DSL.field(DSL.name("account_id"), Long.class);
        Field<Long> debit = DSL.field(DSL.name("debit_fen"), Long.class);
        Field<Long> credit = DSL.field(DSL.name("credit_fen"), Long.class);
        var sides = DSL.select(PERIOD_BALANCE.ACCOUNT_ID.as(account), PERIOD_BALANCE.DEBITS_POSTED_FEN.as(debit),
                        PERIOD_BALANCE.CREDITS_POSTED_FEN.as(credit))
                .from(PERIOD_BALANCE).where(PERIOD_BALANCE.FUND_ID.in(fundIds)).and(PERIOD_BALANCE.PERIOD.lt(month))
                .unionAll(DSL.select(JOURNAL_LEG.DEBIT_ACCOUNT_ID, JOURNAL_LEG.AMOUNT_FEN, DSL.inline(0L))
                        .from(funds).join(JOURNAL_LEG).on(legs))
                .unionAll(DSL.select(JOURNAL_LEG.CREDIT_ACCOUNT_ID, DSL.inline(0L), JOURNAL_LEG.AMOUNT_FEN)
                        .from(funds).join(JOURNAL_LEG).on(legs))
                .asTable("sides");
        reads.select(sides.field(account), DSL.sum(sides.field(debit)), DSL.sum(sides.field(credit))).from(sides)
                .groupBy(sides.field(account))
                .forEach(r -> totals.put(r.value1(), new long[] {r.value2().longValueExact(), r.value3().longValueExact()}));
        return totals;
    }

    @Override
    public Map<AccountPeriod, long[]> periodBalances(long fundId) {
        Map<AccountPeriod, long[]> balances = new LinkedHashMap<>();
        reads.selectFrom(PERIOD_BALANCE).where(PERIOD_BALANCE.FUND_ID.eq(fundId))
                .orderBy(PERIOD_BALANCE.PERIOD, PERIOD_BALANCE.ACCOUNT_ID)
                .forEach(r -> balances.put(new AccountPeriod(r.getFundId(), r.getAccountId(), r.getPeriod()),
                        new long[] {r.getDebitsPostedFen(), r.getCreditsPostedFen()}));
        return balances;
    }

    @Override
    public ChainHead chainHead() {
        return reads.select(JOURNAL_TRANSACTION.ID, JOURNAL_TRANSACTION.HASH, JOURNAL_TRANSACTION.RECORDED_AT)
                .from(JOURNAL_TRANSACTION).orderBy(JOURNAL_TRANSACTION.ID.desc()).limit(1)
                .fetchOptional(r -> new ChainHead(r.value1(), r.value2(), r.value3().toInstant()))
                .orElse(ChainHead.EMPTY);
    }

    @Override
    public Optional<ChainCheckpoint> lastCheckpoint() {
        return reads.selectFrom(CHAIN_CHECKPOINT).orderBy(CHAIN_CHECKPOINT.TRANSACTION_ID.desc()).limit(1)
                .fetchOptional(JooqJournalStore::checkpoint);
    }

    @Override
    public List<ChainCheckpoint> checkpoints(long afterTransactionId, int limit) {
        return reads.selectFrom(CHAIN_CHECKPOINT).where(CHAIN_CHECKPOINT.TRANSACTION_ID.gt(afterTransactionId))
                .orderBy(CHAIN_CHECKPOINT.TRANSACTION_ID).limit(limit).fetch(JooqJournalStore::checkpoint);
    }

    @Override
    public void forEachTransaction(long afterId, Consumer<Transaction> consumer) {
        long after = afterId;
        while (true) {
            List<Transaction> page = withLegs(reads, reads.selectFrom(JOURNAL_TRANSACTION)
                    .where(JOURNAL_TRANSACTION.ID.gt(after)).orderBy(JOURNAL_TRANSACTION.ID).limit(1_000).fetch());
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            after = page.get(page.size() - 1).id();
        }
    }

    // --- mapping -----------------------------------------------------------------------------------------

    /** Attaches each transaction's legs (one query for the whole page) and checks that none is missing. */
    private static List<Transaction> withLegs(DSLContext dsl, Result<JournalTransactionRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Leg>> legs = new LinkedHashMap<>();
        rows.forEach(r -> legs.put(r.getId(), new ArrayList<>()));
        dsl.selectFrom(JOURNAL_LEG).where(JOURNAL_LEG.TRANSACTION_ID.in(legs.keySet()))
                .orderBy(JOURNAL_LEG.TRANSACTION_ID, JOURNAL_LEG.LEG_NO)
                .forEach(l -> legs.get(l.getTransactionId()).add(leg(l)));
        List<Transaction> result = new ArrayList<>(rows.size());
        for (JournalTransactionRecord r : rows) {
            result.add(transaction(r, legs.get(r.getId())));
        }
        return result;
    }

    private static Transaction transaction(JournalTransactionRecord r, List<Leg> legs) {
        // The Transaction constructor refuses a posted transaction without legs: a half-written one cannot be read.
        return new Transaction(r.getId(), r.getIdempotencyKey(), r.getRequestHash(), r.getFundId(), TransactionKind.valueOf(r.getKind()),
                Phase.valueOf(r.getPhase()), r.getMemo(), instant(r.getOccurredAt()), instant(r.getRecordedAt()),
                r.getReversesId(), r.getPendingId(), new References(r.getGiftRef(), r.getDisbursementRef(), r.getPoolRef(), r.getProjectRef()),
                r.getRecordedBy(), r.getPrevHash(), r.getHash(), legs);
    }

    private static Leg leg(JournalLegRecord l) {
        return new Leg(l.getLegNo(), l.getFundId(), l.getDebitAccountId(), l.getCreditAccountId(), l.getAmountFen(), l.getPosted());
    }

    private static ChainCheckpoint checkpoint(ChainCheckpointRecord r) {
        return new ChainCheckpoint(r.getTransactionId(), r.getHash(), r.getTransactionCount());
    }

    private static Fund fund(org.mingzhang.store.jooq.tables.records.FundRecord r) {
        return new Fund(r.getId(), r.getCode(), r.getName(), FundLevel.valueOf(r.getFundLevel()), r.getParentId(),
                r.getMustNotGoNegative(), instant(r.getClosedThrough()), instant(r.getCreatedAt()));
    }

    private static Account account(org.mingzhang.store.jooq.tables.records.AccountRecord r) {
        return new Account(r.getId(), r.getFundId(), r.getCode(), r.getName(), AccountType.valueOf(r.getType()),
                r.getRestricted(), r.getMustNotGoNegative(), new Balances(r.getDebitsPostedFen(), r.getCreditsPostedFen(),
                r.getDebitsPendingFen(), r.getCreditsPendingFen()));
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime odt) {
        return odt == null ? null : odt.toInstant();
    }

}
