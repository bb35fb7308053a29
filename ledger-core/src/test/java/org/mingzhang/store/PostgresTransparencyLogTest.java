package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The transparency log on PostgreSQL")
class PostgresTransparencyLogTest extends TransparencyLogSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    void asOwner(String table, String statement) throws Exception {
        sql("ALTER TABLE " + table + " DISABLE TRIGGER USER");
        try {
            sql(statement);
        } finally {
            sql("ALTER TABLE " + table + " ENABLE TRIGGER USER");
        }
    }
}
