package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Matching properties on PostgreSQL")
class PostgresMatchingPropertiesTest extends MatchingProperties {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
