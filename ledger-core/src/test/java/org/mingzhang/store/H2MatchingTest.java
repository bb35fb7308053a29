package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Matching worked example on H2")
class H2MatchingTest extends MatchingSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
