package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Attribution properties on PostgreSQL")
class PostgresAttributionPropertiesTest extends AttributionProperties {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
