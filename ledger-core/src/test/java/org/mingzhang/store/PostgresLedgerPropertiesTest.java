package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Ledger properties on PostgreSQL")
class PostgresLedgerPropertiesTest extends LedgerProperties {
    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
