package org.mingzhang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the guard that an accepted project is closed for good (db/migration/h2/V8__append_only_trails.sql):
 * a journal transaction that names an ACCEPTED project is refused. PostgreSQL's half is a PL/pgSQL trigger.
 */
public final class AcceptedProjectTrigger implements Trigger {

    private int projectRefColumn = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        try (PreparedStatement s = conn.prepareStatement("SELECT ordinal_position FROM information_schema.columns "
                + "WHERE LOWER(table_name) = LOWER(?) AND LOWER(column_name) = 'project_ref' AND LOWER(table_schema) = LOWER(?)")) {
            s.setString(1, tableName);
            s.setString(2, schemaName);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException(tableName + " has no project_ref column");
                }
                projectRefColumn = r.getInt(1) - 1;
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Object projectRef = newRow[projectRefColumn];
        if (projectRef == null) {
            return;
        }
        try (PreparedStatement s = conn.prepareStatement("SELECT 1 FROM project WHERE code = ? AND status = 'ACCEPTED'")) {
            s.setString(1, projectRef.toString());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    throw new SQLException("project " + projectRef + " is accepted and closed for good: nothing posts to it",
                            "23000");
                }
            }
        }
    }
}
