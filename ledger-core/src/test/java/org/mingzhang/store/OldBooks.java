package org.mingzhang.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Books kept before a migration, for the tests that check what it does to them: the schema migrated up to a version,
 * then rows written with plain SQL, the reference checks off where the rows' references are not there.
 */
final class OldBooks {

    private OldBooks() {
    }

    /** Migrates the database up to {@code target} (a version, e.g. "23.1") and no further. */
    static void migrateTo(String url, String user, Database.Vendor vendor, String target) {
        Flyway.configure().dataSource(url, user, "").locations(Database.migrationLocations(vendor)).target(target).load().migrate();
    }

    /**
     * Runs the statements over a plain connection. With {@code checksOff}: on H2 the reference checks are turned off for
     * the whole database and stay off (the caller turns them on again once the migration has run); on PostgreSQL,
     * where they are triggers, the statements run in a replica session, which fires none.
     */
    static void write(String url, String user, Database.Vendor vendor, boolean checksOff, List<String> statements)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            if (checksOff) {
                s.execute(vendor == Database.Vendor.H2 ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET session_replication_role = replica");
            }
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /**
     * An in-memory H2 database kept at {@code target}, the statements written with its reference checks off, then opened
     * as the service opens it (which runs the migrations after {@code target}), with its reference checks on again.
     */
    static Database upgradedH2(String target, List<String> statements) throws SQLException {
        String url = "jdbc:h2:mem:old-books-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrateTo(url, "sa", Database.Vendor.H2, target);
        write(url, "sa", Database.Vendor.H2, true, statements);
        Database db = Database.open(url, "sa", "", 2);
        try {
            db.dsl().execute("SET REFERENTIAL_INTEGRITY TRUE");
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }
}
