package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Project money, from request to acceptance, on PostgreSQL")
class PostgresProjectMoneyTest extends ProjectMoneySuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
