package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Ledger properties on PostgreSQL")
class PostgresLedgerPropertiesTest extends LedgerProperties {

    private TestDatabases.TestPostgres postgres;

    @Override
    Database openDatabase() {
        postgres = TestDatabases.postgres();
        return postgres.database();
    }

    @Override
    void closeDatabase() {
        postgres.close();
    }
}
