package org.mingzhang.store;

import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Chain checkpoints and period balances on PostgreSQL")
class PostgresCheckpointsAndPeriodsTest extends CheckpointsAndPeriodsSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    void dropAppendOnlyGuard(Statement statement, String table) throws SQLException {
        statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER " + table + "_append_only");
    }

    @Override
    String backfillScript() {
        return "db/migration/postgresql/V14_2__backfill_period_balances.sql";
    }
}
