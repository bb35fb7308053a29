package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.CreateFund;
import org.mingzhang.journal.KeyedCommand;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RecordKind;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.RequestKey;

/**
 * The writer's one path for keyed commands ({@link KeyedCommand}), on H2 and PostgreSQL. A first batch is held in its
 * commit so that the commands after it are decided together in one batch: the same key and request twice in that
 * batch make one record and a replay of it; the key with another request is refused; another caller's key of the
 * same text is another key. After the commit, a repeat is answered from storage; a refused command keeps no key; and
 * the database refuses to change a kept key.
 */
class RequestKeyTest {

    @Test
    @DisplayName("when keyed commands meet in one batch and after it on H2 then each key makes one record, for its caller")
    void onH2() throws Exception {
        try (TestDatabases.TestDatabase handle = TestDatabases.h2()) {
            scenario(handle.database());
        }
    }

    @Test
    @DisplayName("when keyed commands meet in one batch and after it on PostgreSQL then each key makes one record, for its caller")
    void onPostgres() throws Exception {
        try (TestDatabases.TestDatabase handle = TestDatabases.postgres()) {
            scenario(handle.database());
        }
    }

    private static void scenario(Database database) throws Exception {
        JooqJournalStore real = new JooqJournalStore(database, RecordRouter.on(database.dsl()));
        PoisonedBatchTest.FaultInjectingStore store = new PoisonedBatchTest.FaultInjectingStore(real);
        try (Ledger ledger = new Ledger(store, real, Clock.systemUTC(), ChartTemplate.nonProfit(), LedgerWriter.Settings.DEFAULT,
                List.of())) {
            RecordKind<Fund> funds = new RecordKind<>("FUND", Fund::code, ledger::fund);
            store.holdNextCommit = true;
            CompletableFuture<Outcome<Fund>> held = ledger.submit(keyed(funds, 1, "held", "HELD"));
            // Decided together once the held batch commits: the writer drains them into one batch.
            CompletableFuture<Outcome<Fund>> first = ledger.submit(keyed(funds, 1, "k", "A"));
            CompletableFuture<Outcome<Fund>> repeat = ledger.submit(keyed(funds, 1, "k", "A"));
            CompletableFuture<Outcome<Fund>> otherRequest = ledger.submit(keyed(funds, 1, "k", "B"));
            CompletableFuture<Outcome<Fund>> otherCaller = ledger.submit(keyed(funds, 2, "k", "A"));
            CompletableFuture<Outcome<Fund>> otherCallersOwn = ledger.submit(keyed(funds, 2, "k", "C"));
            store.release.countDown();

            assertThat(held.get(30, TimeUnit.SECONDS).accepted()).isTrue();
            Outcome<Fund> made = first.get(30, TimeUnit.SECONDS);
            assertThat(made).isInstanceOf(Outcome.Accepted.class);
            assertThat(((Outcome.Accepted<Fund>) made).replayed()).isFalse();
            Outcome<Fund> replayed = repeat.get(30, TimeUnit.SECONDS);
            assertThat(replayed).isEqualTo(new Outcome.Accepted<>(made.value(), true));
            assertThat(rejection(otherRequest.get(30, TimeUnit.SECONDS))).isEqualTo(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT);
            // Another caller's key of the same text finds nothing of caller 1's: the same request is a new one (the code is
            // taken), another one makes caller 2's own fund.
            assertThat(rejection(otherCaller.get(30, TimeUnit.SECONDS))).isEqualTo(Rejection.FUND_CODE_MUST_BE_UNIQUE);
            assertThat(otherCallersOwn.get(30, TimeUnit.SECONDS).value().code()).isEqualTo("C");

            // After the commit, a repeat is answered from storage, and makes nothing.
            Outcome<Fund> later = ledger.execute(keyed(funds, 1, "k", "A"));
            assertThat(later).isEqualTo(new Outcome.Accepted<>(ledger.fund("A").orElseThrow(), true));
            assertThat(rejection(ledger.execute(keyed(funds, 1, "k", "B")))).isEqualTo(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT);
            assertThat(ledger.fund("B")).isEmpty();

            // A refused command keeps no key: the caller may send the corrected request with it.
            assertThat(rejection(ledger.execute(keyed(funds, 3, "fix", "A")))).isEqualTo(Rejection.FUND_CODE_MUST_BE_UNIQUE);
            assertThat(ledger.execute(keyed(funds, 3, "fix", "D")).value().code()).isEqualTo("D");

            assertThat(database.dsl().fetchCount(org.mingzhang.store.jooq.Tables.REQUEST_KEY)).isEqualTo(4);
            assertThatThrownBy(() -> database.dsl().execute("UPDATE request_key SET record_id = 'B'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> database.dsl().execute("DELETE FROM request_key")).hasMessageContaining("append-only");
        }
    }

    /** Caller {@code callerId} asks with key {@code key} to open fund {@code code}; the request is the code. */
    private static KeyedCommand<Fund> keyed(RecordKind<Fund> funds, long callerId, String key, String code) {
        RequestKey requestKey = new RequestKey(callerId, key, new Canonical().add("open").add(code).sha256());
        return new KeyedCommand<>(requestKey, funds, new CreateFund(code, "基金 " + code, FundLevel.CITY, null, false));
    }

    private static Rejection rejection(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).rejection();
    }
}
