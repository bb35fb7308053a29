package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.store.TestDatabases.TestDatabase;

/**
 * The writer's start-up reads of the journal (open pending transfers, year-closing entries) find their rows through
 * V20's indexes, not by a pass over the whole journal: over 1,000,000 gifts those passes took about 20 s of an H2 start
 * (docs/benchmarks.md). The conditions are the stores' own ({@link JooqJournalStore#PENDING_ROWS},
 * {@link JooqClosingStore#YEAR_CLOSE_ROWS}).
 */
@DisplayName("Start-up reads of the journal use V20's indexes")
class StartUpIndexesTest {

    /**
     * The plan of a read of the journal under the condition the store uses, rendered as the store renders it (not
     * inlined here: a condition that lost its literal would leave a bind variable, and the read would fail).
     */
    private static String plan(DSLContext dsl, Condition condition) {
        return String.join("\n", dsl.fetch("EXPLAIN SELECT id FROM journal_transaction WHERE " + dsl.render(condition))
                .getValues(0, String.class));
    }

    @Test
    @DisplayName("H2")
    void h2() {
        try (TestDatabase db = TestDatabases.h2()) {
            assertThat(plan(db.database().dsl(), JooqJournalStore.PENDING_ROWS)).containsIgnoringCase("JOURNAL_TRANSACTION_PENDING");
            assertThat(plan(db.database().dsl(), JooqClosingStore.YEAR_CLOSE_ROWS)).containsIgnoringCase("JOURNAL_TRANSACTION_YEAR_CLOSE");
        }
    }

    @Test
    @DisplayName("PostgreSQL (partial indexes: a gift adds nothing to them)")
    void postgres() {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.database().dsl().transaction(c -> {
                DSLContext dsl = DSL.using(c);
                // An empty table is cheapest to scan: rule the scan out, so the plan shows whether an index applies.
                dsl.execute("SET LOCAL enable_seqscan = off");
                assertThat(plan(dsl, JooqJournalStore.PENDING_ROWS)).contains("journal_transaction_pending");
                assertThat(plan(dsl, JooqClosingStore.YEAR_CLOSE_ROWS)).contains("journal_transaction_year_close");
            });
        }
    }
}
