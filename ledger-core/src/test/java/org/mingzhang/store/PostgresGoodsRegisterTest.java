package org.mingzhang.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The memorandum register of unvalued goods on PostgreSQL")
class PostgresGoodsRegisterTest extends GoodsRegisterSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
