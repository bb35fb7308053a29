package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerSnapshot;
import org.mingzhang.journal.LedgerTimeoutException;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.Prefetch;
import org.mingzhang.journal.References;
import org.mingzhang.journal.StorageUnavailableException;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.WriteBatch;

/**
 * The writer when storage goes away or a caller stops waiting. The real H2 store is wrapped so that it can be made
 * unreachable (every call throws {@link StorageUnavailableException}, as a lost PostgreSQL does) and so that a commit
 * can be held back while commands queue behind it. Proves: a batch that meets a lost database fails as a whole at
 * once, never command by command; writes go on by themselves once storage answers again; and a command whose caller
 * gave up before the writer decided it is never written, so the caller's "may not have been made" holds.
 */
class WriterFailuresTest {

    /** The real store, with a switch that makes it unreachable and a commit that can be held back. */
    static final class UnreachableStore extends ForwardingJournalStore {
        /** Calls refused while unreachable: each is one attempt of the writer to reach storage. */
        final AtomicInteger refusedCalls = new AtomicInteger();
        volatile boolean unreachable;
        volatile CountDownLatch hold;

        UnreachableStore(JooqJournalStore real) {
            super(real);
        }

        private void reach() {
            if (unreachable) {
                refusedCalls.incrementAndGet();
                throw new StorageUnavailableException("the database cannot be reached: injected", null);
            }
        }

        @Override
        public LedgerSnapshot load() {
            reach();
            return real.load();
        }

        @Override
        public Prefetch prefetch(Set<String> keys, Set<Long> ids) {
            reach();
            return real.prefetch(keys, ids);
        }

        @Override
        public void commit(WriteBatch batch) {
            reach();
            CountDownLatch h = hold;
            if (h != null) {
                hold = null;
                try {
                    h.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            real.commit(batch);
        }

        /** Waits until the writer is inside the held commit, so that what is submitted next queues behind it. */
        void awaitHeld() throws InterruptedException {
            long deadline = System.currentTimeMillis() + 30_000;
            while (hold != null) {
                assertThat(System.currentTimeMillis()).as("the writer reached the held commit").isLessThan(deadline);
                Thread.sleep(5);
            }
        }

    }

    @Nested
    @DisplayName("when the database cannot be reached")
    class Unreachable {

        @Test
        @DisplayName("then a batch fails as a whole at once, and writes go on by themselves once it answers again")
        void batchFailsAtOnceThenRecovers() throws Exception {
            try (TestDatabases.TestDatabase handle = TestDatabases.h2()) {
                JooqJournalStore real = new JooqJournalStore(handle.database(), RecordRouter.on(handle.database().dsl()));
                UnreachableStore store = new UnreachableStore(real);
                try (Ledger ledger = new Ledger(store, real, Clock.systemUTC(), ChartTemplate.nonProfit(),
                        LedgerWriter.Settings.DEFAULT, List.of())) {
                    LedgerFixture f = new LedgerFixture(ledger);
                    f.fund("A");
                    CountDownLatch release = new CountDownLatch(1);
                    store.hold = release;
                    CompletableFuture<Outcome<Transaction>> first = ledger.submit(entry(f));
                    store.awaitHeld();
                    List<CompletableFuture<Outcome<Transaction>>> batch = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        batch.add(ledger.submit(entry(f)));
                    }
                    store.unreachable = true;
                    release.countDown();

                    assertThat(first.get(30, TimeUnit.SECONDS).accepted()).as("committed before the database went").isTrue();
                    for (CompletableFuture<Outcome<Transaction>> each : batch) {
                        assertThatThrownBy(() -> each.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                                .hasCauseInstanceOf(StorageUnavailableException.class);
                    }
                    assertThat(store.refusedCalls.get()).as("attempts to reach storage for the batch of ten").isEqualTo(1);

                    store.unreachable = false;
                    long deadline = System.currentTimeMillis() + 10_000;
                    Outcome<Transaction> after = null;
                    while (after == null) {
                        try {
                            after = ledger.execute(entry(f));
                        } catch (StorageUnavailableException stillPausing) {
                            assertThat(System.currentTimeMillis()).as("writes go on within 10 s").isLessThan(deadline);
                            Thread.sleep(20);
                        }
                    }
                    assertThat(after.accepted()).isTrue();
                    assertThat(f.balance("A", "1002")).as("the first entry and the one after, none of the ten").isEqualTo(2_00);
                    assertThat(ledger.verify().ok()).isTrue();
                }
            }
        }
    }

    @Nested
    @DisplayName("when a caller stops waiting before the writer decides its command")
    class CallerGivesUp {

        @Test
        @DisplayName("then the caller hears a timeout and the command is never written")
        void abandonedCommandIsNeverWritten() throws Exception {
            try (TestDatabases.TestDatabase handle = TestDatabases.h2()) {
                JooqJournalStore real = new JooqJournalStore(handle.database(), RecordRouter.on(handle.database().dsl()));
                UnreachableStore store = new UnreachableStore(real);
                try (Ledger ledger = new Ledger(store, real, Clock.systemUTC(), ChartTemplate.nonProfit(),
                        new LedgerWriter.Settings(100, 10, 200), List.of())) {
                    LedgerFixture f = new LedgerFixture(ledger);
                    f.fund("A");
                    CountDownLatch release = new CountDownLatch(1);
                    store.hold = release;
                    CompletableFuture<Outcome<Transaction>> held = ledger.submit(entry(f));
                    store.awaitHeld();
                    PostEntry abandoned = entry(f);
                    assertThatThrownBy(() -> ledger.execute(abandoned)).isInstanceOf(LedgerTimeoutException.class);
                    release.countDown();

                    assertThat(held.get(30, TimeUnit.SECONDS).accepted()).isTrue();
                    assertThat(ledger.execute(entry(f)).accepted()).isTrue();
                    assertThat(real.transactions(new org.mingzhang.journal.TransactionQuery(null, null, null, 0, 100)))
                            .extracting(Transaction::idempotencyKey).doesNotContain(abandoned.idempotencyKey()).hasSize(2);
                    assertThat(f.balance("A", "1002")).isEqualTo(2_00);
                }
            }
        }
    }

    private static PostEntry entry(LedgerFixture f) {
        return new PostEntry(LedgerFixture.key(), "test", TransactionKind.MANUAL, f.code("A"), "gift", null, References.NONE,
                List.of(debit("1002", 1_00), credit("410101", 1_00)));
    }
}
