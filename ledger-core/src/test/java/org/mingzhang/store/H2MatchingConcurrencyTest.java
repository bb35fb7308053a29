package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Matching under concurrency on H2")
class H2MatchingConcurrencyTest extends MatchingConcurrencySuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
