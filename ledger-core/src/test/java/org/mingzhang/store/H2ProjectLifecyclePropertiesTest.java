package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Project lifecycle properties on H2")
class H2ProjectLifecyclePropertiesTest extends ProjectLifecycleProperties {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
