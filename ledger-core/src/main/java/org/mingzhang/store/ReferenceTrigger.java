package org.mingzhang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.h2.api.Trigger;

/**
 * H2's check of the references that every gift's rows carry (db/migration/h2/V23_1): a row inserted or updated must
 * name a row that is there. H2 can declare a foreign key only with an index over exactly its columns, which no read
 * used and every gift paid for; this trigger makes the same check by the referenced table's key instead, and refuses
 * with H2's own SQLSTATE for a reference (23506) and the name PostgreSQL gives the same check (V15_2, V22). The rows
 * referred to are never deleted nor re-keyed (the journal is append-only; funds, accounts and projects are kept: {@link
 * KeptRowTrigger}), which is all the foreign key's index was for.
 */
public final class ReferenceTrigger implements Trigger {

    /** The checked columns and the table whose columns {@code keys} (its primary key among them) they name, in order. */
    private record Target(List<String> columns, String table, List<String> keys) {
        Target(String column, String table) {
            this(List.of(column), table, List.of("ID"));
        }
    }

    /** Each trigger by its name (V23_1), which is the reference's name on PostgreSQL. */
    private static final Map<String, Target> REFERENCES = Map.of(
            "GIFT_FUND_ID_FKEY", new Target("FUND_ID", "FUND"),
            "GIFT_PROJECT_ID_FKEY", new Target("PROJECT_ID", "PROJECT"),
            "JOURNAL_LEG_TRANSACTION_ID_FKEY", new Target("TRANSACTION_ID", "JOURNAL_TRANSACTION"),
            "LEG_DEBIT_IN_FUND", new Target(List.of("FUND_ID", "DEBIT_ACCOUNT_ID"), "ACCOUNT", List.of("FUND_ID", "ID")),
            "LEG_CREDIT_IN_FUND", new Target(List.of("FUND_ID", "CREDIT_ACCOUNT_ID"), "ACCOUNT", List.of("FUND_ID", "ID")),
            "ATTRIBUTION_UNIT_PROJECT_ID_FKEY", new Target("PROJECT_ID", "PROJECT"),
            "PROJECT_DONOR_PROJECT_ID_FKEY", new Target("PROJECT_ID", "PROJECT"));

    private String name;
    private String table;
    private Target target;
    private int[] columns;
    private String exists;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        target = REFERENCES.get(triggerName.toUpperCase(Locale.ROOT));
        if (target == null) {
            throw new SQLException("no reference is named " + triggerName);
        }
        name = triggerName.toLowerCase(Locale.ROOT);
        table = tableName.toLowerCase(Locale.ROOT);
        columns = H2SchemaChanges.columnPositions(conn, schemaName, tableName, target.columns());
        exists = "SELECT 1 FROM \"" + schemaName + "\".\"" + target.table() + "\" WHERE "
                + target.keys().stream().map(key -> key + " = ?").collect(Collectors.joining(" AND "));
    }

    /** Checks the row as a foreign key would: not when a column is null (MATCH SIMPLE) or none changed in an update. */
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        boolean changed = oldRow == null;
        for (int column : columns) {
            if (newRow[column] == null) {
                return;
            }
            if (!changed && !Objects.equals(oldRow[column], newRow[column])) {
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        try (PreparedStatement s = conn.prepareStatement(exists)) {
            for (int i = 0; i < columns.length; i++) {
                s.setObject(i + 1, newRow[columns[i]]);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException(refusal(newRow), "23506");
                }
            }
        }
    }

    /** PostgreSQL's wording of the same refusal, with the key that points nowhere. */
    private String refusal(Object[] row) {
        String names = target.columns().stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        String values = Arrays.stream(columns).mapToObj(c -> String.valueOf(row[c])).collect(Collectors.joining(", "));
        return "insert or update on table \"" + table + "\" violates foreign key constraint \"" + name + "\": Key (" + names + ")=("
                + values + ") is not present in table \"" + target.table().toLowerCase(Locale.ROOT) + "\"";
    }
}
