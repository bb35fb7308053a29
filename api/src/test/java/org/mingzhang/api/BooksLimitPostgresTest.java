package org.mingzhang.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/** {@link BooksLimitTest} on PostgreSQL. */
@MicronautTest
@DisplayName("Finding 1 on PostgreSQL")
class BooksLimitPostgresTest extends BooksLimitTest {

    private ScratchPostgres database;

    @Override
    public Map<String, String> getProperties() {
        database = new ScratchPostgres("mz_api_limit_");
        return database.properties();
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }
}
