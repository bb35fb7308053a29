package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The transparency log on PostgreSQL")
class PostgresTransparencyLogTest extends TransparencyLogSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    void dropLogRowsAsOwner() throws Exception {
        for (String table : java.util.List.of("log_node", "log_leaf")) {
            sql("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            sql("DELETE FROM " + table);
            sql("ALTER TABLE " + table + " ENABLE TRIGGER USER");
        }
    }
}
