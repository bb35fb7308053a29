package org.mingzhang.store;

import java.util.Map;
import org.jooq.DSLContext;

/**
 * PostgreSQL's update of account totals for a batch: one statement whose text never changes, with the batch's values
 * passed as arrays and spread by {@code unnest}, as {@link RowBatches} writes rows. H2 sends a JDBC batch of one update.
 */
final class PostgresBatchWriter {

    private static final String UPDATE_TOTALS = "UPDATE account a SET debits_posted_fen = a.debits_posted_fen + d.dp, "
            + "credits_posted_fen = a.credits_posted_fen + d.cp, debits_pending_fen = a.debits_pending_fen + d.dq, "
            + "credits_pending_fen = a.credits_pending_fen + d.cq FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], "
            + "?::bigint[], ?::bigint[]) AS d(id, dp, cp, dq, cq) WHERE a.id = d.id";

    private static final String[] TYPES = {"bigint", "bigint", "bigint", "bigint", "bigint"};

    private PostgresBatchWriter() {
    }

    /** One aggregated increment per touched account, in one statement; every account must be found. */
    static void updateTotals(DSLContext dsl, Map<Long, long[]> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        int n = deltas.size();
        Long[][] cols = new Long[5][n];
        int i = 0;
        for (Map.Entry<Long, long[]> e : deltas.entrySet()) {
            cols[0][i] = e.getKey();
            for (int k = 0; k < 4; k++) {
                cols[k + 1][i] = e.getValue()[k];
            }
            i++;
        }
        RowBatches.arrayStatement(dsl, UPDATE_TOTALS, TYPES, cols, n, "account");
    }
}
