package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Ledger under concurrency on H2")
class H2LedgerConcurrencyTest extends LedgerConcurrencySuite {
    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
