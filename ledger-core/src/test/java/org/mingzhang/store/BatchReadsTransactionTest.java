package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.Projection;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;

/**
 * A batch's reads ahead share the writer's transaction with the batch's writes ({@link JooqJournalStore}): on a real
 * PostgreSQL server, after a batch that wrote, one that wrote nothing (a repeated key, a refused entry) and one that
 * failed after its reads, the writer's connection is never left inside a transaction, and what the next batch writes
 * still commits.
 */
@DisplayName("PostgreSQL: a batch's reads ahead end with the batch")
class BatchReadsTransactionTest {

    @Test
    @DisplayName("when batches write, write nothing or fail after reading then no transaction is left open")
    void noTransactionLeftOpen() throws Exception {
        AtomicBoolean failNextFlush = new AtomicBoolean();
        Projection failing = new Projection() {
            @Override
            public void reload() {
            }

            @Override
            public void flush(Books books) {
                if (failNextFlush.getAndSet(false)) {
                    throw new IllegalStateException("the projection failed: injected");
                }
            }
        };
        try (TestDatabases.TestDatabase handle = TestDatabases.postgres()) {
            JooqJournalStore store = new JooqJournalStore(handle.database(), RecordRouter.on(handle.database().dsl()));
            try (Ledger ledger = new Ledger(store, store, Clock.systemUTC(), ChartTemplate.nonProfit(), LedgerWriter.Settings.DEFAULT,
                    List.of(), List.of(failing))) {
                LedgerFixture f = new LedgerFixture(ledger);
                f.fund("A");
                String key = LedgerFixture.key();
                PostEntry entry = entry(f, key, "1002");
                Outcome<Transaction> first = ledger.submit(entry).get(30, TimeUnit.SECONDS);
                assertThat(first.accepted()).isTrue();
                assertThat(openTransactions(handle)).as("after a batch that wrote").isZero();

                Outcome<Transaction> again = ledger.submit(entry).get(30, TimeUnit.SECONDS);
                assertThat(again.accepted()).isTrue();
                assertThat(again.value().id()).isEqualTo(first.value().id());
                assertThat(openTransactions(handle)).as("after a repeated key, which writes nothing").isZero();

                Outcome<Transaction> refused = ledger.submit(entry(f, LedgerFixture.key(), "9999")).get(30, TimeUnit.SECONDS);
                assertThat(refused.accepted()).isFalse();
                assertThat(openTransactions(handle)).as("after a refused entry, which writes nothing").isZero();

                failNextFlush.set(true);
                Throwable failed = org.assertj.core.api.Assertions.catchThrowable(
                        () -> ledger.submit(entry(f, LedgerFixture.key(), "1002")).get(30, TimeUnit.SECONDS));
                assertThat(failed).isInstanceOf(ExecutionException.class).cause().hasMessageContaining("injected");
                assertThat(openTransactions(handle)).as("after a batch that failed after its reads").isZero();

                assertThat(ledger.submit(entry(f, LedgerFixture.key(), "1002")).get(30, TimeUnit.SECONDS).accepted()).isTrue();
                assertThat(openTransactions(handle)).isZero();
                assertThat(f.transactionCount()).isEqualTo(2);
            }
        }
    }

    /** Sessions of the test's database that sit inside a transaction (the writer's among them, if it left one open). */
    private static int openTransactions(TestDatabases.TestDatabase handle) {
        return handle.database().dsl().fetchOne("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND state LIKE 'idle in transaction%'").get(0, Integer.class);
    }

    private static PostEntry entry(LedgerFixture f, String key, String debitAccount) {
        return new PostEntry(key, "test", TransactionKind.MANUAL, f.code("A"), "gift", null, References.NONE,
                List.of(debit(debitAccount, 1_00), credit("410101", 1_00)));
    }
}
