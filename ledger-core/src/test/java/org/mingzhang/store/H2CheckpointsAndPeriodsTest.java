package org.mingzhang.store;

import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Chain checkpoints and period balances on H2")
class H2CheckpointsAndPeriodsTest extends CheckpointsAndPeriodsSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }

    @Override
    void dropAppendOnlyGuard(Statement statement, String table) throws SQLException {
        statement.execute("DROP TRIGGER " + table + "_append_only");
    }

    @Override
    String backfillScript() {
        return "db/migration/h2/V14_2__backfill_period_balances.sql";
    }
}
