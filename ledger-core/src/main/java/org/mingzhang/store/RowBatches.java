package org.mingzhang.store;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The writer's way to write many rows of one table in one round trip, values given in the fields' order.
 *
 * <ul>
 *   <li>H2: one single-row statement whose text never changes, sent through JDBC as one batch with a row of values per
 *       entry. H2 parses the text once per connection and keeps it in its query cache
 *       ({@link Database#H2_QUERY_CACHE_SIZE}), where a multi-row statement would have new text, to render and parse,
 *       for every batch size. An upsert is H2's own {@code MERGE INTO … KEY (…) VALUES (…)}: jOOQ renders
 *       {@code ON CONFLICT} for H2 as {@code MERGE … USING}, a join that H2 plans again on every row (a profile of the
 *       HTTP benchmark put 14% of the writer's time there), and binding each row through jOOQ cost a few percent
 *       more.</li>
 *   <li>PostgreSQL: one statement for all the rows, each column's values passed as one array and spread by
 *       {@code unnest} (as {@link PostgresBatchWriter} does for account totals): the server runs one statement, not one
 *       per row.</li>
 * </ul>
 */
final class RowBatches {

    private RowBatches() {
    }

    /** Inserts the rows. */
    static void insert(DSLContext dsl, Table<?> table, List<? extends Field<?>> fields, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres(dsl)) {
            unnest(dsl, table, fields, rows, "");
        } else {
            jdbcBatch(dsl, "INSERT INTO " + table.getName() + " (" + names(fields) + ") VALUES (" + marks(fields.size()) + ")",
                    table, rows);
        }
    }

    /**
     * Writes the rows over what is there: a row whose key is new is inserted, one whose key is there has its other
     * fields set to the row's values. Each row gives the key's values first. No two rows may have one key.
     */
    static void upsert(DSLContext dsl, Table<?> table, List<? extends Field<?>> key, List<? extends Field<?>> fields,
                       List<Object[]> rows) {
        upsert(dsl, table, key, fields, rows, false);
    }

    /** Like {@link #upsert}, but a row whose key is there has the row's values added to its fields (running sums). */
    static void upsertAdding(DSLContext dsl, Table<?> table, List<? extends Field<?>> key, List<Field<Long>> fields,
                             List<Object[]> rows) {
        upsert(dsl, table, key, fields, rows, true);
    }

    private static void upsert(DSLContext dsl, Table<?> table, List<? extends Field<?>> key, List<? extends Field<?>> fields,
                               List<Object[]> rows, boolean adding) {
        if (rows.isEmpty()) {
            return;
        }
        List<Field<?>> all = new ArrayList<>(key);
        all.addAll(fields);
        if (postgres(dsl)) {
            StringBuilder conflict = new StringBuilder(" ON CONFLICT (").append(names(key)).append(") DO UPDATE SET ");
            for (int i = 0; i < fields.size(); i++) {
                String name = fields.get(i).getName();
                conflict.append(i == 0 ? "" : ", ").append(name).append(" = ")
                        .append(adding ? table.getName() + "." + name + " + " : "").append("EXCLUDED.").append(name);
            }
            unnest(dsl, table, all, rows, conflict.toString());
        } else if (!adding) {
            jdbcBatch(dsl, "MERGE INTO " + table.getName() + " (" + names(all) + ") KEY (" + names(key) + ") VALUES ("
                    + marks(all.size()) + ")", table, rows);
        } else {
            // H2's MERGE … KEY can only set; a running sum takes jOOQ's MERGE … USING (period balances: a few rows a batch).
            Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
            for (Field<?> f : fields) {
                set.put(f, plusExcluded(f));
            }
            BatchBindStep batch = dsl.batch(dsl.insertInto(table, all).values(placeholders(all.size())).onConflict(key).doUpdate().set(set));
            for (Object[] row : rows) {
                batch = batch.bind(row);
            }
            requireOneRowEach(batch.execute(), table);
        }
    }

    @SuppressWarnings("unchecked")
    private static Field<?> plusExcluded(Field<?> field) {
        Field<Long> f = (Field<Long>) field;
        return f.plus(DSL.excluded(f));
    }

    private static boolean postgres(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.POSTGRES;
    }

    /**
     * PostgreSQL: {@code INSERT INTO table (…) SELECT * FROM unnest(?::type[], …)} and what follows, through JDBC (binding
     * a few dozen arrays through jOOQ cost more than the server's work); the text depends on the table and fields only, so
     * the driver prepares it on the server once.
     */
    private static void unnest(DSLContext dsl, Table<?> table, List<? extends Field<?>> fields, List<Object[]> rows,
                               String onConflict) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.getName()).append(" (").append(names(fields))
                .append(") SELECT * FROM unnest(");
        String[] types = new String[fields.size()];
        for (int col = 0; col < fields.size(); col++) {
            types[col] = arrayType(fields.get(col));
            sql.append(col == 0 ? "" : ", ").append("?::").append(types[col]).append("[]");
        }
        sql.append(')').append(onConflict);
        Object[][] columns = new Object[fields.size()][];
        for (int col = 0; col < fields.size(); col++) {
            Object[] values = new Object[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                values[i] = rows.get(i)[col];
            }
            columns[col] = values;
        }
        arrayStatement(dsl, sql.toString(), types, columns, rows.size(), table.getName());
    }

    /**
     * PostgreSQL: runs a statement whose every parameter is an array (of the given element types), which must write
     * {@code expectedRows} rows. On the writer's connection it is held back in its {@link StatementPipeline} and sent with
     * the transaction's other statements; elsewhere it runs now.
     */
    static void arrayStatement(DSLContext dsl, String sql, String[] types, Object[][] columns, int expectedRows, String table) {
        if (dsl.configuration().data(StatementPipeline.class) instanceof StatementPipeline pipeline) {
            pipeline.hold(sql, types, columns, expectedRows, table);
            return;
        }
        int written = dsl.connectionResult(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int col = 0; col < columns.length; col++) {
                    statement.setObject(col + 1, binaryArray(types[col], columns[col]));
                }
                return statement.executeUpdate();
            }
        });
        if (written != expectedRows) {
            throw new IllegalStateException("wrote " + written + " rows of " + table + " where the batch has " + expectedRows);
        }
    }

    /**
     * PostgreSQL: the column's values as the Java array whose class tells the driver to send it in binary ({@code Long[]}
     * as {@code int8[]}, {@code String[]} as {@code varchar[]}...), so that neither the driver nor the server turns every
     * number into text and back (the server's {@code array_in} was 7% of the writer's backend, docs/benchmarks.md, ninth
     * pass). A time goes as its ISO text, which the statement casts ({@code ?::timestamptz[]}); the driver has no binary
     * form for it. A column already of the right class is sent as it is.
     */
    static Object[] binaryArray(String type, Object[] column) {
        Class<? extends Object[]> sent = switch (type) {
            case "int8", "bigint" -> Long[].class;
            case "int4", "integer" -> Integer[].class;
            case "int2", "smallint" -> Short[].class;
            case "bool", "boolean" -> Boolean[].class;
            case "bytea" -> byte[][].class;
            case "varchar", "text", "timestamptz" -> String[].class;
            default -> throw new IllegalArgumentException("no binary array for " + type);
        };
        if (sent.isInstance(column)) {
            return column;
        }
        Object[] values = (Object[]) java.lang.reflect.Array.newInstance(sent.getComponentType(), column.length);
        for (int i = 0; i < column.length; i++) {
            Object v = column[i];
            values[i] = v instanceof OffsetDateTime t ? t.toString() : v;
        }
        return values;
    }

    /** PostgreSQL's name of the type of an array of the field's values. */
    private static String arrayType(Field<?> field) {
        Class<?> type = field.getType();
        if (type == Long.class) {
            return "int8";
        } else if (type == Integer.class) {
            return "int4";
        } else if (type == Short.class) {
            return "int2";
        } else if (type == byte[].class) {
            return "bytea";
        } else if (type == String.class) {
            return "varchar";
        } else if (type == Boolean.class) {
            return "bool";
        } else if (type == OffsetDateTime.class) {
            return "timestamptz";
        }
        throw new IllegalArgumentException("no array type for " + field.getName() + " of " + type.getName());
    }

    private static String names(List<? extends Field<?>> fields) {
        StringBuilder names = new StringBuilder();
        for (Field<?> f : fields) {
            names.append(names.isEmpty() ? "" : ", ").append(f.getName());
        }
        return names.toString();
    }

    /** H2: runs the statement once per row, in one JDBC batch, and checks each touched exactly one row. */
    private static void jdbcBatch(DSLContext dsl, String sql, Table<?> table, List<Object[]> rows) {
        dsl.connection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int col = 0; col < row.length; col++) {
                        statement.setObject(col + 1, row[col]);
                    }
                    statement.addBatch();
                }
                requireOneRowEach(statement.executeBatch(), table);
            }
        });
    }

    /** Each statement of a batch touched exactly one row. */
    private static void requireOneRowEach(int[] counts, Table<?> table) {
        for (int count : counts) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("a row of a batch of " + table.getName() + " touched " + count + " rows");
            }
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** A statement with {@code n} bind values, all null until a row is bound. */
    private static List<Object> placeholders(int n) {
        return Collections.nCopies(n, null);
    }
}
