package org.mingzhang.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.mingzhang.store.TestDatabases;

/** {@link BooksLimitTest} on PostgreSQL. */
@MicronautTest
@DisplayName("Finding 1 on PostgreSQL")
class BooksLimitPostgresTest extends BooksLimitTest {

    private final String database = "mz_api_limit_" + UUID.randomUUID().toString().replace("-", "");
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
