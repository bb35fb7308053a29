package org.mingzhang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Schema changes that H2's SQL cannot say by itself, called from H2's migrations through {@code CREATE ALIAS … FOR}
 * (as {@link AppendOnlyTrigger} is called from its triggers). H2 names a constraint declared inline itself
 * ({@code CONSTRAINT_…}), so a migration that drops one finds it by what it constrains.
 */
public final class H2SchemaChanges {

    private H2SchemaChanges() {
    }

    /**
     * Drops the unique constraint of {@code table} over exactly {@code column}, with its index.
     *
     * @return how many constraints were dropped: always 1
     * @throws SQLException when the table has no such constraint, or more than one: the schema is not the one the
     *                      migration was written for, and the migration must stop rather than go on
     */
    public static int dropUnique(Connection connection, String table, String column) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("""
                SELECT c.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c
                WHERE c.TABLE_SCHEMA = CURRENT_SCHEMA AND c.TABLE_NAME = ? AND c.CONSTRAINT_TYPE = 'UNIQUE'
                  AND (SELECT COUNT(*) FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
                       WHERE k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME) = 1
                  AND EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
                       WHERE k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME
                         AND k.COLUMN_NAME = ?)""")) {
            find.setString(1, table);
            find.setString(2, column);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        if (names.size() != 1) {
            throw new SQLException("expected one unique constraint on " + table + " (" + column + "), found " + names);
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("ALTER TABLE \"" + table + "\" DROP CONSTRAINT \"" + names.get(0) + "\"");
        }
        return 1;
    }
}
