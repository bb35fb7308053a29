package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Restricted money properties on H2")
class H2RestrictedMoneyPropertiesTest extends RestrictedMoneyProperties {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
