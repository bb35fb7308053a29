package org.mingzhang.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/** {@link FuzzTest} on PostgreSQL, which refuses what H2 stores (NUL, lone surrogates, year 0). */
@MicronautTest
@DisplayName("Fuzz on PostgreSQL")
class FuzzPostgresTest extends FuzzTest {

    private ScratchPostgres database;

    @Override
    public Map<String, String> getProperties() {
        database = new ScratchPostgres("mz_api_fuzz_");
        dbUrl = database.url();
        dbUser = database.user();
        return database.properties();
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }
}
