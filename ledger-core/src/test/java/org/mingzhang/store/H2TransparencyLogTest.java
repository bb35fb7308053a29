package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The transparency log on H2")
class H2TransparencyLogTest extends TransparencyLogSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }

    @Override
    void asOwner(String table, String statement) throws Exception {
        sql("DROP TRIGGER " + table + "_append_only");
        try {
            sql(statement);
        } finally {
            sql("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
                    + " FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger'");
        }
    }
}
