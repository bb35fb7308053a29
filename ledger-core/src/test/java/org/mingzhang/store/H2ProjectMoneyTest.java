package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Project money, from request to acceptance, on H2")
class H2ProjectMoneyTest extends ProjectMoneySuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
