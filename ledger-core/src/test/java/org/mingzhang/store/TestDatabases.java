package org.mingzhang.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh databases for tests, each with the schema migrated. PostgreSQL is the server that the system
 * property {@code mingzhang.test.pg.url} names (CI names the machine's server: an unreachable server
 * fails the tests, it never skips them); where none is named, an embedded PostgreSQL started from Maven
 * Central artifacts, so a newcomer's plain test run covers PostgreSQL too.
 */
public final class TestDatabases {

    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    public static Database h2() {
        return Database.open("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 8);
    }

    /** A new PostgreSQL database, dropped again when the returned handle closes. */
    public static TestPostgres postgres() {
        String admin = adminUrl();
        String name = "mz_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(admin, "CREATE DATABASE " + name);
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        return new TestPostgres(Database.open(url, user(), "", 8), admin, name);
    }

    /** A database handle that drops its PostgreSQL database on close. */
    public record TestPostgres(Database database, String adminUrl, String name) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
            execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    public static String describePostgres() {
        String configured = System.getProperty("mingzhang.test.pg.url", "");
        return configured.isBlank() ? "embedded PostgreSQL (zonky)" : configured;
    }

    private static synchronized String adminUrl() {
        String configured = System.getProperty("mingzhang.test.pg.url", "");
        if (!configured.isBlank()) {
            return configured;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the data folder lives under target/.
                }
            }));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    private static String user() {
        String configured = System.getProperty("mingzhang.test.pg.user", "");
        return configured.isBlank() ? "postgres" : configured;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, user(), "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage()
                    + " (the store suite needs PostgreSQL; it never skips)", e);
        }
    }
}
