package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Ledger properties on H2")
class H2LedgerPropertiesTest extends LedgerProperties {
    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
