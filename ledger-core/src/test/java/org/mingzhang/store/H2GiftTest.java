package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Gifts on H2")
class H2GiftTest extends GiftSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
