package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Chain checkpoints and period balances under random use on PostgreSQL")
class PostgresCheckpointsAndPeriodsPropertiesTest extends CheckpointsAndPeriodsProperties {
    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
