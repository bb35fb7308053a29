package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.TrialBalance;
import org.mingzhang.journal.CreatePending;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostPending;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;

/**
 * Many threads posting at once, as many HTTP requests would. Proves that final balances are exact to the
 * fen whatever the interleaving, that a guarded account with too little money serves exactly what it
 * holds and is never seen negative by a reader meanwhile, and that nothing deadlocks (every call returns
 * within a generous bound). Runs on H2 and PostgreSQL through the two subclasses.
 */
abstract class LedgerConcurrencySuite extends LedgerOnDatabase {

    static final int THREADS = 16;

    @Override
    LedgerWriter.Settings writerSettings() {
        // A small batch bound, so that many batches interleave with the threads.
        return new LedgerWriter.Settings(10_000, 64);
    }

    private static void runAll(ExecutorService pool, List<Future<?>> futures) throws Exception {
        pool.shutdown();
        assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).as("all threads finished: no deadlock").isTrue();
        for (Future<?> future : futures) {
            future.get();
        }
    }

    @Test
    @DisplayName("when many threads post to random accounts and to one hot account then every balance is exact")
    void randomAndHot() throws Exception {
        int funds = 8;
        for (int i = 0; i < funds; i++) {
            f.fund("F" + i);
            f.deposit("F" + i, 1_000_000_00);
        }
        f.fund("HOT");
        f.deposit("HOT", 1_000_000_00);
        AtomicLongArray spentPerFund = new AtomicLongArray(funds);
        AtomicLong spentHot = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 150; i++) {
                    long fen = random.nextLong(1, 10_000);
                    if (random.nextBoolean()) {
                        f.post("HOT", debit(random.nextBoolean() ? "5101" : "5201", fen), credit("1002", fen)).value();
                        spentHot.addAndGet(fen);
                    } else {
                        int fund = random.nextInt(funds);
                        f.post("F" + fund, debit("5101", fen), credit("1002", fen)).value();
                        spentPerFund.addAndGet(fund, fen);
                    }
                }
                return null;
            }));
        }
        runAll(pool, futures);

        assertThat(f.balance("HOT", "1002")).isEqualTo(1_000_000_00 - spentHot.get());
        assertThat(f.balance("HOT", "5101") + f.balance("HOT", "5201")).isEqualTo(spentHot.get());
        for (int i = 0; i < funds; i++) {
            assertThat(f.balance("F" + i, "1002")).isEqualTo(1_000_000_00 - spentPerFund.get(i));
        }
        TrialBalance all = ledger.trialBalanceOfAll(null);
        assertThat(all.totalDebitFen()).isEqualTo(all.totalCreditFen());
        var verification = ledger.verify();
        assertThat(verification.ok()).isTrue();
        assertThat(verification.transactions()).isEqualTo(funds + 1 + THREADS * 150L);
    }

    @Test
    @DisplayName("when many threads draw on a guarded account holding too little then exactly what it holds is paid out")
    void guardedAccountUnderContention() throws Exception {
        f.fund("POOR");
        f.deposit("POOR", 1_000_00);
        AtomicLong paid = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong lowestSeen = new AtomicLong(Long.MAX_VALUE);
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                var bank = f.account("POOR", "1002");
                lowestSeen.accumulateAndGet(Math.min(bank.balanceFen(), bank.availableFen()), Math::min);
            }
        });
        reader.start();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            boolean twoPhase = t % 2 == 0;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    Outcome<Transaction> outcome = twoPhase
                            ? ledger.execute(new CreatePending(LedgerFixture.key(), "test", TransactionKind.DISBURSEMENT,
                                    f.code("POOR"), "5101", "1002", 1_00, "reserve", null, References.NONE))
                            : f.post("POOR", debit("5101", 1_00), credit("1002", 1_00));
                    if (outcome instanceof Outcome.Rejected<Transaction> r) {
                        assertThat(r.rejection()).isEqualTo(Rejection.ACCOUNT_MUST_NOT_GO_NEGATIVE);
                        refused.incrementAndGet();
                        continue;
                    }
                    if (twoPhase) {
                        ledger.execute(new PostPending(LedgerFixture.key(), "test", outcome.value().id(), null, null)).value();
                    }
                    paid.incrementAndGet();
                }
                return null;
            }));
        }
        runAll(pool, futures);
        done.set(true);
        reader.join();

        assertThat(paid.get()).isEqualTo(1_000);
        assertThat(refused.get()).isEqualTo(THREADS * 100L - 1_000);
        assertThat(f.balance("POOR", "1002")).isZero();
        assertThat(f.account("POOR", "1002").availableFen()).isZero();
        assertThat(f.balance("POOR", "5101")).isEqualTo(1_000_00);
        assertThat(lowestSeen.get()).as("no reader ever saw the guarded account negative").isNotNegative();
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    @DisplayName("when entries commit while the trial balance as of now is read then every read balances")
    void trialBalanceAsOfNowUnderWrites() throws Exception {
        // A trial balance as of an instant sums the journal's legs. It must read them as of one moment: read as
        // debits first and credits afterwards, a batch committed in between made it uneven (a 500 under load).
        var fund = f.fund("TB");
        f.deposit("TB", 1_000_000_00);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        List<String> uneven = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    ledger.trialBalance(fund, java.time.Instant.now().plusSeconds(60), false);
                } catch (IllegalStateException e) {
                    uneven.add(e.getMessage());
                }
                reads.incrementAndGet();
            }
        });
        reader.start();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 300; i++) {
                    long fen = random.nextLong(1, 10_000);
                    f.post("TB", debit("5101", fen), credit("1002", fen)).value();
                }
                return null;
            }));
        }
        runAll(pool, futures);
        done.set(true);
        reader.join();

        assertThat(reads.get()).as("trial balances read meanwhile").isPositive();
        assertThat(uneven).as("uneven trial balances seen of " + reads.get()).isEmpty();
    }
}
