package org.mingzhang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * PostgreSQL: the writer's row statements of one transaction, held back and sent to the server together, in one round
 * trip, just before the transaction commits. A batch of gifts writes about fifteen tables; sent one by one, each
 * statement waited for its answer before the next was sent, and on this two-processor machine the round trips, not the
 * server's work, were most of the writer's time (the server's log of a benchmark: 14 ms of statements in 33 ms per
 * batch, docs/benchmarks.md).
 *
 * <p>The statements are joined into one text, which the driver sends as one message stream with one synchronisation at
 * its end; the server runs them in order in the transaction, and the first that fails aborts the rest and the
 * transaction, as it would have one by one. Each statement's count of rows is checked afterwards, as it was before.
 * Anything else that the writer runs through jOOQ on the same connection (a read, a rare single-row update) first sends
 * what is held back ({@link #attachTo}), so the order of the statements is always the order they were given in.
 */
final class StatementPipeline {

    /**
     * One held-back statement: its text with {@code ?} for each array, the arrays' element types and values by column,
     * and the number of rows it must write.
     */
    private record Held(String sql, String[] types, Object[][] columns, int expectedRows, String table) {
    }

    /**
     * The first statement of every pipeline: the row statements keep one plan each. The writer's session plans every
     * statement afresh ({@code force_custom_plan}, for its lookups, {@link JooqJournalStore}), but these statements only
     * ever insert or upsert the rows of arrays, so their plan never depends on the values, and planning them again for
     * every batch took about a tenth of the writer's backend (docs/benchmarks.md, ninth pass). {@code SET LOCAL} ends
     * with the transaction; the next batch's lookups are planned afresh again.
     */
    static final String GENERIC_PLANS = "SET LOCAL plan_cache_mode = force_generic_plan";

    private final List<Held> held = new ArrayList<>();

    /** Holds the statement back until {@link #send}. */
    void hold(String sql, String[] types, Object[][] columns, int expectedRows, String table) {
        held.add(new Held(sql, types, columns, expectedRows, table));
    }

    /** Forgets what is held (the transaction was rolled back). */
    void discard() {
        held.clear();
    }

    /** Sends everything held, in one round trip, through the writer's context; nothing is held afterwards. */
    void send(DSLContext dsl) {
        if (held.isEmpty()) {
            return;
        }
        List<Held> sending = List.copyOf(held);
        held.clear();
        dsl.connection(c -> {
            try {
                send(c, sending);
            } catch (SQLException e) {
                // The server's own words, with its SQLState kept on the cause (jOOQ's wrapper would say only "Error
                // while running ConnectionRunnable").
                throw new DataAccessException("the batch's statements were refused: " + e.getMessage(), e);
            }
        });
    }

    private static void send(Connection c, List<Held> statements) throws SQLException {
        StringBuilder sql = new StringBuilder(GENERIC_PLANS);
        for (Held s : statements) {
            sql.append(";\n").append(s.sql());
        }
        try (PreparedStatement statement = c.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (Held s : statements) {
                for (int col = 0; col < s.columns().length; col++) {
                    statement.setObject(parameter++, RowBatches.binaryArray(s.types()[col], s.columns()[col]));
                }
            }
            statement.execute();
            for (Held s : statements) {
                statement.getMoreResults();
                int written = statement.getUpdateCount();
                if (written != s.expectedRows()) {
                    throw new IllegalStateException("wrote " + written + " rows of " + s.table() + " where the batch has "
                            + s.expectedRows());
                }
            }
        }
    }

    /**
     * The writer's context with this pipeline attached: {@link RowBatches#arrayStatement} holds its statements back here,
     * and any other statement run through the context sends what is held first, so statements keep the order they were
     * given in.
     */
    DSLContext attachTo(DSLContext writes) {
        DSLContext attached = DSL.using(writes.configuration().deriveAppending(new ExecuteListener() {
            @Override
            public void start(ExecuteContext ctx) {
                if (!held.isEmpty()) {
                    send(ctx.dsl());
                }
            }
        }));
        attached.configuration().data(StatementPipeline.class, this);
        return attached;
    }
}
