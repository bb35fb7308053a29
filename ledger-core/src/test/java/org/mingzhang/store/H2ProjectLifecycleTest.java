package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Project lifecycle on H2")
class H2ProjectLifecycleTest extends ProjectLifecycleSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
