package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The memorandum register of unvalued goods on H2")
class H2GoodsRegisterTest extends GoodsRegisterSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
