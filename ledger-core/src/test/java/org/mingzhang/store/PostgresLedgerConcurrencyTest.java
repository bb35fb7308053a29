package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Ledger under concurrency on PostgreSQL")
class PostgresLedgerConcurrencyTest extends LedgerConcurrencySuite {
    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
