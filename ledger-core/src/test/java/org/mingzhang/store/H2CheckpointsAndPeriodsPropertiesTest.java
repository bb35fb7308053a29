package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Chain checkpoints and period balances under random use on H2")
class H2CheckpointsAndPeriodsPropertiesTest extends CheckpointsAndPeriodsProperties {
    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
