package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.Projection;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;

/**
 * The projections' reads ahead of a batch, made on reader threads beside the writer's own reads: each projection reads
 * exactly once per batch, and a failed read fails the batch with its own exception, only after every other read of the
 * batch has finished, so that none still changes a projection while the writer reloads.
 */
class ReadAheadTest {

    /** Counts its reads and the batches it was flushed for. */
    static class Counting implements Projection {
        final AtomicInteger prepared = new AtomicInteger();
        final AtomicInteger flushed = new AtomicInteger();
        /** Reads per batch, the batch known by its list of commands. */
        final java.util.Map<List<LedgerCommand<?>>, Integer> readsPerBatch = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        @Override
        public void reload() {
        }

        /** Threads that asked what to read, and threads that read. */
        final java.util.Set<String> askedOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.Set<String> readOn = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public Runnable readAhead(List<LedgerCommand<?>> commands) {
            askedOn.add(Thread.currentThread().getName());
            return () -> read(commands);
        }

        void read(List<LedgerCommand<?>> commands) {
            readOn.add(Thread.currentThread().getName());
            prepared.incrementAndGet();
            readsPerBatch.merge(commands, 1, Integer::sum);
        }

        @Override
        public void flush(Books books) {
            flushed.incrementAndGet();
        }
    }

    @Test
    @DisplayName("when batches are read ahead then each projection reads once per batch")
    void oncePerBatch() throws Exception {
        Counting reading = new Counting();
        Counting other = new Counting();
        Counting third = new Counting();
        withLedger(List.of(reading, other, third), (ledger, f) -> {
            f.fund("A");
            for (int round = 0; round < 20; round++) {
                List<CompletableFuture<Outcome<Transaction>>> sent = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    sent.add(ledger.submit(entry(f)));
                }
                for (CompletableFuture<Outcome<Transaction>> s : sent) {
                    assertThat(s.get(30, TimeUnit.SECONDS).accepted()).isTrue();
                }
            }
            assertThat(f.transactionCount()).isEqualTo(160);
        });
        for (Counting p : List.of(reading, other, third)) {
            assertThat(p.flushed.get()).as("batches").isPositive();
            // Every decided batch was read for once (a batch that decides nothing, such as the fund's, is read for too).
            assertThat(p.prepared.get()).as("reads").isGreaterThanOrEqualTo(p.flushed.get()).isEqualTo(reading.prepared.get());
            assertThat(p.readsPerBatch.values()).as("reads of one batch").containsOnly(1);
            assertThat(p.askedOn).as("what to read is asked on the writer thread").containsOnly("mingzhang-ledger-writer");
            assertThat(p.readOn).as("the read runs beside it").containsOnly("mingzhang-ledger-reader");
        }
    }

    @Test
    @DisplayName("when a projection has nothing to read then the batch is decided all the same, that projection asked and flushed once a batch")
    void nothingToRead() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Counting idle = new Counting() {
            @Override
            public Runnable readAhead(List<LedgerCommand<?>> commands) {
                asked.incrementAndGet();
                return null;
            }
        };
        Counting reading = new Counting();
        withLedger(List.of(idle, reading), (ledger, f) -> {
            f.fund("A");
            for (int i = 0; i < 10; i++) {
                assertThat(ledger.submit(entry(f)).get(30, TimeUnit.SECONDS).accepted()).isTrue();
            }
        });
        assertThat(asked.get()).as("asked once a batch").isEqualTo(reading.prepared.get()).isGreaterThanOrEqualTo(11);
        // A writer that handed a reader the null "read" would fail every batch, and no entry above would be accepted.
        assertThat(reading.readOn).as("the other projection's reads still ran beside the writer").containsOnly("mingzhang-ledger-reader");
        assertThat(idle.flushed.get()).as("its batches were flushed as any other's").isEqualTo(reading.flushed.get());
    }

    @Test
    @DisplayName("when a projection fails to say what to read then its batch fails before any read starts, and the next batch goes on")
    void failedToAsk() throws Exception {
        AtomicInteger failures = new AtomicInteger(1);
        Counting reading = new Counting();
        Projection failing = new Counting() {
            @Override
            public Runnable readAhead(List<LedgerCommand<?>> commands) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("what to read: injected");
                }
                return null;
            }
        };
        withLedger(List.of(reading, failing), (ledger, f) -> firstBatchFailsThenTheNextGoesOn(ledger, f,
                () -> assertThat(reading.prepared.get()).as("no read started for the failed batch").isZero()));
    }

    @Test
    @DisplayName("when a read ahead fails then its batch fails with that exception after the batch's other reads have finished, and the next batch goes on")
    void failedRead() throws Exception {
        AtomicInteger slowFinished = new AtomicInteger();
        Projection slow = new Counting() {
            @Override
            void read(List<LedgerCommand<?>> commands) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slowFinished.incrementAndGet();
            }
        };
        AtomicInteger failures = new AtomicInteger(1);
        Projection failing = new Counting() {
            @Override
            void read(List<LedgerCommand<?>> commands) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("the read ahead failed: injected");
                }
            }
        };
        withLedger(List.of(slow, failing), (ledger, f) -> firstBatchFailsThenTheNextGoesOn(ledger, f,
                () -> assertThat(slowFinished.get()).as("the slow read had finished when the caller heard of the failure")
                        .isEqualTo(1)));
    }

    /** What a test does with a ledger and its fixture. */
    private interface LedgerWork {
        void run(Ledger ledger, LedgerFixture f) throws Exception;
    }

    /** Runs {@code work} against a ledger on a fresh H2 database, with {@code projections} beside the writer. */
    private static void withLedger(List<Projection> projections, LedgerWork work) throws Exception {
        try (TestDatabases.TestDatabase handle = TestDatabases.h2()) {
            JooqJournalStore store = new JooqJournalStore(handle.database(), RecordRouter.on(handle.database().dsl()));
            try (Ledger ledger = new Ledger(store, store, Clock.systemUTC(), ChartTemplate.nonProfit(), LedgerWriter.Settings.DEFAULT,
                    List.of(), projections)) {
                work.run(ledger, new LedgerFixture(ledger));
            }
        }
    }

    /**
     * Submits a fund, alone in its batch, which an injected failure must fail; {@code whenHeard} checks what held when
     * the caller heard of it. Nothing is booked, and the next batch goes on.
     */
    private static void firstBatchFailsThenTheNextGoesOn(Ledger ledger, LedgerFixture f, Runnable whenHeard) throws Exception {
        CompletableFuture<Outcome<org.mingzhang.fund.Fund>> fund = ledger.submit(new org.mingzhang.journal.CreateFund(
                f.code("A"), "基金 A", org.mingzhang.fund.FundLevel.CITY, null, false));
        Throwable failed = org.assertj.core.api.Assertions.catchThrowable(() -> fund.get(30, TimeUnit.SECONDS));
        whenHeard.run();
        assertThat(failed).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("injected");
        assertThat(ledger.reads().funds()).isEmpty();
        f.fund("A");
        assertThat(ledger.submit(entry(f)).get(30, TimeUnit.SECONDS).accepted()).isTrue();
    }

    private static PostEntry entry(LedgerFixture f) {
        return new PostEntry(LedgerFixture.key(), "test", TransactionKind.MANUAL, f.code("A"), "gift", null, References.NONE,
                List.of(debit("1002", 1_00), credit("410101", 1_00)));
    }
}
