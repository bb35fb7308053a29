package org.mingzhang.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/** {@link HostileInputTest} on PostgreSQL, which cannot store NUL and once answered 500 for it. */
@MicronautTest
@DisplayName("Hostile input on PostgreSQL")
class HostileInputPostgresTest extends HostileInputTest {

    private ScratchPostgres database;

    @Override
    public Map<String, String> getProperties() {
        database = new ScratchPostgres("mz_api_hostile_");
        return database.properties();
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }
}
