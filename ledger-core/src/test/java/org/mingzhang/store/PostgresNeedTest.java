package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Residents' needs on PostgreSQL")
class PostgresNeedTest extends NeedSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
