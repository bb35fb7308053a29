package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Attribution to the fen, worked by hand, on PostgreSQL")
class PostgresAttributionTest extends AttributionSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
