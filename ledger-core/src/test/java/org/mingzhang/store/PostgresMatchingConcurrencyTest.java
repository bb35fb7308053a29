package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Matching under concurrency on PostgreSQL")
class PostgresMatchingConcurrencyTest extends MatchingConcurrencySuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
