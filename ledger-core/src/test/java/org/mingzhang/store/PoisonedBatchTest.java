package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.WriteBatch;

/**
 * Group commit must not let one bad command take its neighbours down. The real H2 store is wrapped so
 * that a commit containing a memo "POISON" fails, as a storage error would; the first commit is held
 * back until ten more commands wait, so they are drained into one batch with the poisoned one. Proves:
 * the poisoned command alone fails, its neighbours are committed, and the writer's reloaded state keeps
 * the chain whole.
 */
class PoisonedBatchTest {

    /** The real store, with a commit that can be held back and a commit that fails on a marked memo (RequestKeyTest holds one too). */
    static final class FaultInjectingStore extends ForwardingJournalStore {
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean holdNextCommit;

        FaultInjectingStore(JooqJournalStore real) {
            super(real);
        }

        @Override
        public void commit(WriteBatch batch) {
            if (holdNextCommit) {
                holdNextCommit = false;
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (batch.transactions().stream().anyMatch(t -> t.memo().equals("POISON"))) {
                throw new IllegalStateException("injected storage failure");
            }
            real.commit(batch);
        }
    }

    @Test
    @DisplayName("when one command of a batch fails in storage then only it fails and the chain stays whole")
    void poisonedCommandFailsAlone() throws Exception {
        try (TestDatabases.TestDatabase handle = TestDatabases.h2()) {
            JooqJournalStore real = new JooqJournalStore(handle.database(), RecordRouter.on(handle.database().dsl()));
            FaultInjectingStore store = new FaultInjectingStore(real);
            try (Ledger ledger = new Ledger(store, real, Clock.systemUTC(), ChartTemplate.nonProfit(), LedgerWriter.Settings.DEFAULT,
                    List.of())) {
                LedgerFixture f = new LedgerFixture(ledger);
                f.fund("A");
                store.holdNextCommit = true;
                CompletableFuture<Outcome<Transaction>> first = ledger.submit(entry(f, "first"));
                List<CompletableFuture<Outcome<Transaction>>> rest = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    rest.add(ledger.submit(entry(f, i == 4 ? "POISON" : "gift " + i)));
                }
                store.release.countDown();

                assertThat(first.get(30, TimeUnit.SECONDS).accepted()).isTrue();
                for (int i = 0; i < 10; i++) {
                    if (i == 4) {
                        CompletableFuture<Outcome<Transaction>> poisoned = rest.get(i);
                        assertThatThrownBy(() -> poisoned.get(30, TimeUnit.SECONDS))
                                .isInstanceOf(ExecutionException.class).hasMessageContaining("injected storage failure");
                    } else {
                        assertThat(rest.get(i).get(30, TimeUnit.SECONDS).accepted()).isTrue();
                    }
                }
                assertThat(f.balance("A", "1002")).isEqualTo(10 * 1_00);
                assertThat(f.post("A", debit("1002", 5), credit("410101", 5)).accepted()).isTrue();
                var verification = ledger.verify();
                assertThat(verification.ok()).isTrue();
                assertThat(verification.transactions()).isEqualTo(11);
            }
        }
    }

    private static PostEntry entry(LedgerFixture f, String memo) {
        return new PostEntry(LedgerFixture.key(), "test", TransactionKind.MANUAL, f.code("A"), memo, null, References.NONE,
                List.of(debit("1002", 1_00), credit("410101", 1_00)));
    }
}
