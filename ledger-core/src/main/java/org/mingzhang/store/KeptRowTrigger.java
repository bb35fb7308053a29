package org.mingzhang.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's half of PostgreSQL's {@code row_is_kept} (postgresql/V15_2): a fund, an account or a project is never deleted
 * and its key never changes (it is closed instead). The references that {@link ReferenceTrigger} checks without a foreign key
 * (h2/V23_1) stay true because of it, as they do on PostgreSQL.
 */
public final class KeptRowTrigger implements Trigger {

    /** The columns of each kept table that may never change. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "FUND", List.of("ID"),
            "ACCOUNT", List.of("ID", "FUND_ID"),
            "PROJECT", List.of("ID", "CODE"));

    private String table;
    private int[] keys;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        List<String> columns = KEYS.get(tableName.toUpperCase(Locale.ROOT));
        if (columns == null) {
            throw new SQLException("no kept table is named " + tableName);
        }
        table = tableName.toLowerCase(Locale.ROOT);
        keys = H2SchemaChanges.columnPositions(conn, schemaName, tableName, columns);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        boolean refused = newRow == null;
        for (int i = 0; !refused && i < keys.length; i++) {
            refused = !Objects.equals(oldRow[keys[i]], newRow[keys[i]]);
        }
        if (refused) {
            throw new SQLException(table + " is kept for good: its rows are never deleted and their keys never change (close it instead)",
                    "23000");
        }
    }
}
