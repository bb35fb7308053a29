package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Residents' needs on H2")
class H2NeedTest extends NeedSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
