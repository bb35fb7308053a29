package org.mingzhang.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
}
