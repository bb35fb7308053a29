package org.mingzhang.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.mingzhang.store.TestDatabases;

/**
 * {@link IdempotencyTest}'s scenarios on PostgreSQL (the server {@code mingzhang.test.pg.url} names, else an embedded
 * one): the request keys, their primary key per caller and their append-only trigger are PostgreSQL's own there.
 */
@MicronautTest
@DisplayName("Idempotency on PostgreSQL")
class IdempotencyPostgresTest extends IdempotencyTest {

    private final String database = "mz_api_idem_" + UUID.randomUUID().toString().replace("-", "");
    private String adminUrl;

    @Override
    public Map<String, String> getProperties() {
        adminUrl = TestDatabases.adminUrl();
        TestDatabases.execute(adminUrl, "CREATE DATABASE " + database);
        return Map.of(
                "mingzhang.db.url", adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database),
                "mingzhang.db.user", TestDatabases.user(),
                "mingzhang.admin-token", ADMIN_TOKEN);
    }

    @AfterAll
    void dropDatabase() {
        TestDatabases.execute(adminUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
}
