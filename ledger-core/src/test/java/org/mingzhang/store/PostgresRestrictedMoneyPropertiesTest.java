package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Restricted money properties on PostgreSQL")
class PostgresRestrictedMoneyPropertiesTest extends RestrictedMoneyProperties {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
