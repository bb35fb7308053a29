package org.mingzhang.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.mingzhang.account.Account;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.account.TrialBalance;
import org.mingzhang.fund.Fund;

/**
 * The ledger as its users see it: commands go to the single {@link LedgerWriter}; reads go straight to
 * committed storage. Every write is acknowledged only after its batch has committed.
 */
public final class Ledger implements AutoCloseable {

    private final LedgerWriter writer;
    private final LedgerReads reads;

    public Ledger(JournalStore store, LedgerReads reads, java.time.Clock clock, ChartTemplate chart,
                  LedgerWriter.Settings settings, List<Decider> deciders) {
        this(store, reads, clock, chart, settings, deciders, List.of());
    }

    /** @param projections what the writer keeps for the read side besides the deciders' own projections */
    public Ledger(JournalStore store, LedgerReads reads, java.time.Clock clock, ChartTemplate chart,
                  LedgerWriter.Settings settings, List<Decider> deciders, List<Projection> projections) {
        this.writer = new LedgerWriter(store, clock, chart, settings, deciders, projections);
        this.reads = reads;
    }

    public <T> CompletableFuture<Outcome<T>> submit(LedgerCommand<T> command) {
        return writer.submit(command);
    }

    /**
     * Submits and waits for the outcome, at most the writer's {@code answerTimeoutMs}; failures of storage surface as
     * the exception the store threw ({@link StorageUnavailableException} when the database cannot be reached).
     */
    public <T> Outcome<T> execute(LedgerCommand<T> command) {
        return await(writer.submit(command));
    }

    /**
     * Waits for a submitted command's outcome, at most the writer's {@code answerTimeoutMs}. On timeout the command
     * is withdrawn: if the writer has not decided it yet, it never will, and {@link LedgerTimeoutException} says
     * that the caller cannot know whether it was made.
     */
    public <T> Outcome<T> await(CompletableFuture<Outcome<T>> submitted) {
        long timeoutMs = writer.settings().answerTimeoutMs();
        try {
            try {
                return submitted.get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (submitted.cancel(false)) {
                    throw new LedgerTimeoutException(timeoutMs);
                }
                // The outcome arrived between the timeout and the withdrawal: it stands.
                return submitted.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            submitted.cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ledger", e);
        }
    }

    public LedgerReads reads() {
        return reads;
    }

    public Optional<Fund> fund(String code) {
        return reads.fund(code);
    }

    public List<Account> accounts(Fund fund) {
        return reads.accounts(fund.id());
    }

    public Optional<Account> account(Fund fund, String accountCode) {
        return reads.accounts(fund.id()).stream().filter(a -> a.code().equals(accountCode)).findFirst();
    }

    /** The account's posted balance in its normal direction over transactions dated at or before {@code asOf}. */
    public long balanceFen(Account account, Instant asOf) {
        if (asOf == null) {
            return account.balanceFen();
        }
        long[] dc = reads.periodTotalsAsOf(List.of(account.fundId()), asOf).getOrDefault(account.id(), new long[2]);
        long debitMinusCredit = Math.subtractExact(dc[0], dc[1]);
        return account.normalSide() == org.mingzhang.account.Side.DEBIT ? debitMinusCredit : -debitMinusCredit;
    }

    /**
     * The fund's trial balance now ({@code asOf} null) or as of an instant; consolidated over the fund and
     * every fund below it when asked.
     */
    public TrialBalance trialBalance(Fund fund, Instant asOf, boolean consolidated) {
        List<Long> fundIds = consolidated ? subtree(fund) : List.of(fund.id());
        List<Account> accounts = new ArrayList<>();
        for (Long id : fundIds) {
            accounts.addAll(reads.accounts(id));
        }
        Map<Long, long[]> totals = asOf == null ? null : reads.periodTotalsAsOf(fundIds, asOf);
        return TrialBalance.of(asOf, accounts, totals);
    }

    /** The consolidated trial balance of every fund the federation keeps. */
    public TrialBalance trialBalanceOfAll(Instant asOf) {
        List<Long> fundIds = reads.funds().stream().map(Fund::id).toList();
        List<Account> accounts = new ArrayList<>();
        for (Long id : fundIds) {
            accounts.addAll(reads.accounts(id));
        }
        return TrialBalance.of(asOf, accounts, asOf == null ? null : reads.periodTotalsAsOf(fundIds, asOf));
    }

    private List<Long> subtree(Fund root) {
        Map<Long, List<Fund>> children = reads.funds().stream().filter(f -> f.parentId() != null)
                .collect(Collectors.groupingBy(Fund::parentId));
        List<Long> ids = new ArrayList<>();
        Deque<Fund> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Fund f = todo.pop();
            ids.add(f.id());
            todo.addAll(children.getOrDefault(f.id(), List.of()));
        }
        return ids;
    }

    /** The full verification of the hash chain, from the first transaction, every checkpoint checked on the way. */
    public ChainVerification verify() {
        return ChainVerification.full(reads);
    }

    /** The full verification ({@code full}), or the quick one from the last checkpoint of the chain. */
    public ChainVerification verify(boolean full) {
        return full ? ChainVerification.full(reads) : ChainVerification.fromLastCheckpoint(reads);
    }

    @Override
    public void close() {
        writer.close();
    }
}
