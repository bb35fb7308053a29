package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Matching worked example on PostgreSQL")
class PostgresMatchingTest extends MatchingSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
