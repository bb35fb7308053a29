package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Project lifecycle on PostgreSQL")
class PostgresProjectLifecycleTest extends ProjectLifecycleSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
