package org.mingzhang.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * {@link IdempotencyTest}'s scenarios on PostgreSQL (the server {@code mingzhang.test.pg.url} names, else an embedded
 * one): the request keys, their primary key per caller and their append-only trigger are PostgreSQL's own there.
 */
@MicronautTest
@DisplayName("Idempotency on PostgreSQL")
class IdempotencyPostgresTest extends IdempotencyTest {

    private ScratchPostgres database;

    @Override
    public Map<String, String> getProperties() {
        database = new ScratchPostgres("mz_api_idem_");
        return database.properties();
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }
}
