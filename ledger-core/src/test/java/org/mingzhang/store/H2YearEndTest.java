package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("A year's end (期末结转) on H2")
class H2YearEndTest extends YearEndSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
