package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Ledger under concurrency on PostgreSQL")
class PostgresLedgerConcurrencyTest extends LedgerConcurrencySuite {

    private TestDatabases.TestPostgres postgres;

    @Override
    Database openDatabase() {
        postgres = TestDatabases.postgres();
        return postgres.database();
    }

    @Override
    void closeDatabase() {
        postgres.close();
    }
}
