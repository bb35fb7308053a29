package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Attribution to the fen, worked by hand, on H2")
class H2AttributionTest extends AttributionSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
