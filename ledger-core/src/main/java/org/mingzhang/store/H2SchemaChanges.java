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
 * ({@code CONSTRAINT_…}), so a migration that drops one finds it by what it constrains. The triggers that H2's
 * migrations create find their columns here too ({@link #columnPositions}).
 */
public final class H2SchemaChanges {

    private H2SchemaChanges() {
    }

    /**
     * Drops the unique constraint of {@code table} over exactly {@code column}, with its index.
     *
     * @throws SQLException when the table has no such constraint, or more than one: the schema is not the one the
     *                      migration was written for, and the migration must stop rather than go on
     */
    public static void dropUnique(Connection connection, String table, String column) throws SQLException {
        dropConstraint(connection, "UNIQUE", table, column);
    }

    /**
     * Drops the foreign key of {@code table} over exactly {@code column}, with the index H2 made for it.
     *
     * @throws SQLException when the table has no such foreign key, or more than one (as {@link #dropUnique})
     */
    public static void dropReference(Connection connection, String table, String column) throws SQLException {
        dropConstraint(connection, "FOREIGN KEY", table, column);
    }

    private static void dropConstraint(Connection connection, String type, String table, String column) throws SQLException {
        List<String> names = constraintsOver(connection, type, table, column);
        if (names.size() != 1) {
            throw new SQLException("expected one " + type + " constraint on " + table + " (" + column + "), found " + names);
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("ALTER TABLE \"" + table + "\" DROP CONSTRAINT \"" + names.get(0) + "\"");
        }
    }

    /** {@link #constraintsOver} for unique constraints. */
    static List<String> uniqueConstraintsOver(Connection connection, String table, String column) throws SQLException {
        return constraintsOver(connection, "UNIQUE", table, column);
    }

    /**
     * The names of the constraints of one type ({@code UNIQUE}, {@code FOREIGN KEY}) of the current schema over exactly
     * this one column (names compared without case). The query is the SQL standard's information schema, so it reads
     * PostgreSQL's too.
     */
    static List<String> constraintsOver(Connection connection, String type, String table, String column) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("""
                SELECT tc.constraint_name FROM information_schema.table_constraints tc
                WHERE tc.constraint_type = ? AND tc.table_schema = current_schema AND lower(tc.table_name) = lower(?)
                  AND (SELECT COUNT(*) FROM information_schema.key_column_usage k WHERE k.constraint_schema = tc.constraint_schema
                       AND k.table_name = tc.table_name AND k.constraint_name = tc.constraint_name) = 1
                  AND EXISTS (SELECT 1 FROM information_schema.key_column_usage k WHERE k.constraint_schema = tc.constraint_schema
                       AND k.table_name = tc.table_name AND k.constraint_name = tc.constraint_name
                       AND lower(k.column_name) = lower(?))""")) {
            find.setString(1, type);
            find.setString(2, table);
            find.setString(3, column);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /**
     * The positions (from 0) of {@code columns} in a row of {@code schema.table}, as H2 hands rows to a trigger.
     *
     * @throws SQLException when the table has no such column
     */
    static int[] columnPositions(Connection connection, String schema, String table, List<String> columns) throws SQLException {
        int[] positions = new int[columns.size()];
        try (PreparedStatement find = connection.prepareStatement("SELECT ordinal_position FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? AND column_name = ?")) {
            for (int i = 0; i < positions.length; i++) {
                find.setString(1, schema);
                find.setString(2, table);
                find.setString(3, columns.get(i));
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException(table + " has no column " + columns.get(i));
                    }
                    positions[i] = rs.getInt(1) - 1;
                }
            }
        }
        return positions;
    }
}
