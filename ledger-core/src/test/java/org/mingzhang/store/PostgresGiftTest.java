package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Gifts on PostgreSQL")
class PostgresGiftTest extends GiftSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
