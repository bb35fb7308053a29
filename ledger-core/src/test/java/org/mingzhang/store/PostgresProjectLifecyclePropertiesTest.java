package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Project lifecycle properties on PostgreSQL")
class PostgresProjectLifecyclePropertiesTest extends ProjectLifecycleProperties {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
