package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mingzhang.store.jooq.Tables.JOURNAL_TRANSACTION;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.store.TestDatabases.TestDatabase;

/**
 * The writer's start-up reads of the journal (open pending transfers, year-closing entries) find their rows through
 * V20's indexes, not by a pass over the whole journal: over 1,000,000 gifts those passes took about 20 s of an H2 start
 * (docs/benchmarks.md). The conditions are the ones {@link JooqJournalStore#load} and {@link JooqClosingStore#yearCloses}
 * use.
 */
@DisplayName("Start-up reads of the journal use V20's indexes")
class StartUpIndexesTest {

    private static String plan(DSLContext dsl, String condition) {
        String sql = "SELECT id FROM journal_transaction WHERE " + condition;
        return String.join("\n", dsl.fetch("EXPLAIN " + sql).getValues(0, String.class));
    }

    private static final String PENDING = DSL.using(Database.configuration(Database.Vendor.H2))
            .renderInlined(JOURNAL_TRANSACTION.PHASE.eq(DSL.inline("PENDING")));
    private static final String YEAR_CLOSE = DSL.using(Database.configuration(Database.Vendor.H2))
            .renderInlined(JOURNAL_TRANSACTION.KIND.eq(DSL.inline("YEAR_CLOSE")));

    @Test
    @DisplayName("H2")
    void h2() {
        try (TestDatabase db = TestDatabases.h2()) {
            assertThat(plan(db.database().dsl(), PENDING)).containsIgnoringCase("JOURNAL_TRANSACTION_PENDING");
            assertThat(plan(db.database().dsl(), YEAR_CLOSE)).containsIgnoringCase("JOURNAL_TRANSACTION_YEAR_CLOSE");
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
                assertThat(plan(dsl, PENDING)).contains("journal_transaction_pending");
                assertThat(plan(dsl, YEAR_CLOSE)).contains("journal_transaction_year_close");
            });
        }
    }
}
