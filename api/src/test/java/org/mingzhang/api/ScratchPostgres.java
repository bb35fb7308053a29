package org.mingzhang.api;

import java.util.Map;
import java.util.UUID;
import org.mingzhang.store.TestDatabases;

/**
 * A scratch PostgreSQL database for one API test class that reruns an H2 class on PostgreSQL (the server {@code
 * mingzhang.test.pg.url} names, else an embedded one): created when the class's server is configured, dropped after.
 */
final class ScratchPostgres {

    private final String adminUrl = TestDatabases.adminUrl();
    private final String name;

    ScratchPostgres(String prefix) {
        this.name = prefix + UUID.randomUUID().toString().replace("-", "");
        TestDatabases.execute(adminUrl, "CREATE DATABASE " + name);
    }

    String url() {
        return adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    String user() {
        return TestDatabases.user();
    }

    /** The service's settings for this database. */
    Map<String, String> properties() {
        return Map.of("mingzhang.db.url", url(), "mingzhang.db.user", user(), "mingzhang.admin-token", ApiTestBase.ADMIN_TOKEN,
                "mingzhang.data-dir", ApiTestBase.temporaryDataDir().toString());
    }

    void drop() {
        TestDatabases.execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
