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

    /** A migrated database for one test, gone again when the handle closes. */
    public interface TestDatabase extends AutoCloseable {
        Database database();

        @Override
        void close();
    }

    /** A new in-memory H2 database. */
    public static TestDatabase h2() {
        return new Handle(Database.open("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 8), () -> { });
    }

    /** A new PostgreSQL database, dropped again when the handle closes. */
    public static TestDatabase postgres() {
        Scratch scratch = scratchPostgres();
        return new Handle(Database.open(scratch.url(), user(), "", 8), scratch.drop());
    }

    /** An empty PostgreSQL database, not migrated (for tests of the migrations themselves), and how to drop it. */
    public record Scratch(String url, Runnable drop) {
    }

    /** Creates an empty PostgreSQL database on the tests' server. */
    public static Scratch scratchPostgres() {
        String admin = adminUrl();
        String name = "mz_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(admin, "CREATE DATABASE " + name);
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        return new Scratch(url, () -> execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private record Handle(Database database, Runnable afterClose) implements TestDatabase {
        @Override
        public void close() {
            database.close();
            afterClose.run();
        }
    }

    /** The PostgreSQL URL on which tests create and drop their databases, an embedded server started if none is named. */
    public static synchronized String adminUrl() {
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

    public static String user() {
        String configured = System.getProperty("mingzhang.test.pg.user", "");
        return configured.isBlank() ? "postgres" : configured;
    }

    /** Runs one statement on the server at {@code url} as the tests' user; a refusal fails the test. */
    public static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, user(), "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage()
                    + " (the store suite needs PostgreSQL; it never skips)", e);
        }
    }
}
