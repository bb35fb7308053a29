package org.mingzhang.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.mingzhang.store.TestDatabases;

/** {@link FuzzTest} on PostgreSQL, which refuses what H2 stores (NUL, lone surrogates, year 0) and once answered 500. */
@MicronautTest
@DisplayName("Fuzz on PostgreSQL")
class FuzzPostgresTest extends FuzzTest {

    private final String database = "mz_api_fuzz_" + UUID.randomUUID().toString().replace("-", "");
    private String adminUrl;

    @Override
    public Map<String, String> getProperties() {
        adminUrl = TestDatabases.adminUrl();
        TestDatabases.execute(adminUrl, "CREATE DATABASE " + database);
        dbUrl = adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        dbUser = TestDatabases.user();
        return Map.of(
                "mingzhang.db.url", dbUrl,
                "mingzhang.db.user", dbUser,
                "mingzhang.admin-token", ADMIN_TOKEN);
    }

    @AfterAll
    void dropDatabase() {
        TestDatabases.execute(adminUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
}
