package org.mingzhang.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the append-only guard (db/migration/h2/V2__append_only.sql and V8__append_only_trails.sql):
 * every UPDATE or DELETE of a journal row, or of an audit-trail row, is refused. PostgreSQL's half is a
 * PL/pgSQL trigger with the same effect.
 */
public final class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: changing it is refused", "23000");
    }
}
