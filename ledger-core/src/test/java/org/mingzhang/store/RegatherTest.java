package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.References;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.WriteBatch;

/**
 * The writer's wait for the callers it has just answered ({@link LedgerWriter.Settings#regatherMicros}), set here to a
 * whole second so that a wrong wait could not hide: callers that come back share one batch, and a caller who is alone
 * is never kept waiting, nor is anyone when the answered callers do not come back.
 */
@DisplayName("The writer's wait for the callers it answered")
class RegatherTest {

    private static final long ONE_SECOND_MICROS = 1_000_000;
    private static final int CALLERS = 8;
    private static final int ROUNDS = 20;

    /** The real store, counting how many commands each committed batch held. */
    static final class CountingStore extends ForwardingJournalStore {
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

        CountingStore(JooqJournalStore real) {
            super(real);
        }

        @Override
        public void commit(WriteBatch batch) {
            real.commit(batch);
            batchSizes.add(batch.transactions().size());
        }
    }

    @Test
    @DisplayName("callers that come back after each answer share one batch per round")
    void answeredCallersShareTheNextBatch() throws Exception {
        onLedger((ledger, store, f) -> {
            store.batchSizes.clear();
            // Every caller sends its first command before any is answered, then one more after each answer.
            List<List<PostEntry>> commands = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                List<PostEntry> own = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    own.add(entry(f));
                }
                commands.add(own);
            }
            ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
            // The callers start together: a caller whose thread is up first must not run rounds on its own.
            CyclicBarrier start = new CyclicBarrier(CALLERS);
            try {
                List<CompletableFuture<Void>> callers = new ArrayList<>();
                for (List<PostEntry> own : commands) {
                    callers.add(CompletableFuture.runAsync(() -> {
                        try {
                            start.await(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException("the callers did not start together", e);
                        }
                        own.forEach(e -> assertThat(ledger.execute(e).accepted()).isTrue());
                    }, threads));
                }
                for (CompletableFuture<Void> caller : callers) {
                    caller.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdown();
            }

            assertThat(store.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(CALLERS * ROUNDS);
            // The first batches may start before every caller has sent, which puts some callers a round ahead of
            // the rest until they finish; from then on every round is one batch of all the callers. Without the
            // wait, the callers drift into halves (or smaller groups) whose batches alternate, and hardly a batch holds
            // them all. On a loaded machine a late thread can stagger a few more rounds at either end (a CI run saw
            // [1, 4, 4, 6, 8 × 15, 7, 4, 4, 2]), so the bound is half the rounds: far above what drifting groups make.
            assertThat(store.batchSizes.stream().filter(n -> n == CALLERS).count())
                    .as("batches holding all %d callers, of %s", CALLERS, store.batchSizes).isGreaterThanOrEqualTo(ROUNDS / 2);
            assertThat(f.balance("A", "1002")).isEqualTo(CALLERS * ROUNDS * 1_00L);
        });
    }

    @Test
    @DisplayName("a caller alone is answered without waiting, and so is everyone once the answered callers stop")
    void nobodyWaitsForCallersWhoAreNotComing() throws Exception {
        onLedger((ledger, store, f) -> {
            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(ledger.execute(entry(f)).accepted()).isTrue();
            }
            // Twenty one-command batches: waiting for a caller who is not coming would cost a second each.
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .as("twenty commands of one caller, one after the other").isLessThan(10_000);

            // Eight answered callers of whom none comes back: the next lone command waits at most the one second.
            List<CompletableFuture<?>> eight = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                eight.add(ledger.submit(entry(f)));
            }
            for (CompletableFuture<?> each : eight) {
                each.get(30, TimeUnit.SECONDS);
            }
            long lone = System.nanoTime();
            assertThat(ledger.execute(entry(f)).accepted()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lone)).as("the lone command after them")
                    .isLessThan(10_000);
            assertThat(f.balance("A", "1002")).isEqualTo((20 + CALLERS + 1) * 1_00L);
        });
    }

    private interface Scenario {
        void run(Ledger ledger, CountingStore store, LedgerFixture f) throws Exception;
    }

    /** A ledger on a fresh H2 database whose writer waits a second for answered callers, with fund A made. */
    private static void onLedger(Scenario scenario) throws Exception {
        try (TestDatabases.TestDatabase handle = TestDatabases.h2()) {
            JooqJournalStore real = new JooqJournalStore(handle.database(), RecordRouter.on(handle.database().dsl()));
            CountingStore store = new CountingStore(real);
            try (Ledger ledger = new Ledger(store, real, Clock.systemUTC(), ChartTemplate.nonProfit(),
                    LedgerWriter.Settings.DEFAULT.withRegatherMicros(ONE_SECOND_MICROS), List.of())) {
                LedgerFixture f = new LedgerFixture(ledger);
                f.fund("A");
                scenario.run(ledger, store, f);
            }
        }
    }

    private static PostEntry entry(LedgerFixture f) {
        return new PostEntry(LedgerFixture.key(), "test", TransactionKind.MANUAL, f.code("A"), "gift", null, References.NONE,
                List.of(debit("1002", 1_00), credit("410101", 1_00)));
    }
}
