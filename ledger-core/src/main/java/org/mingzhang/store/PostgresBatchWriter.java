package org.mingzhang.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.mingzhang.journal.AccountPeriod;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Transaction;

/**
 * PostgreSQL's write path for a batch: each table is written by one statement whose text never changes,
 * with the batch's values passed as arrays and spread by {@code unnest}. The statements stay prepared on the
 * writer's connection, whatever the batch size. H2 keeps the jOOQ multi-row path in {@link JooqJournalStore}.
 */
final class PostgresBatchWriter {

    private static final String INSERT_TRANSACTIONS = "INSERT INTO journal_transaction (id, idempotency_key, request_hash, "
            + "fund_id, kind, phase, memo, occurred_at, recorded_at, reverses_id, pending_id, gift_ref, disbursement_ref, "
            + "pool_ref, recorded_by, prev_hash, hash, project_ref) SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], "
            + "?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::timestamptz[], ?::bigint[], "
            + "?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])";
    private static final String INSERT_LEGS = "INSERT INTO journal_leg (transaction_id, leg_no, fund_id, debit_account_id, "
            + "credit_account_id, amount_fen, posted, occurred_at) SELECT * FROM unnest(?::bigint[], ?::int[], ?::bigint[], "
            + "?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[], ?::timestamptz[])";
    private static final String UPDATE_TOTALS = "UPDATE account a SET debits_posted_fen = a.debits_posted_fen + d.dp, "
            + "credits_posted_fen = a.credits_posted_fen + d.cp, debits_pending_fen = a.debits_pending_fen + d.dq, "
            + "credits_pending_fen = a.credits_pending_fen + d.cq FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], "
            + "?::bigint[], ?::bigint[]) AS d(id, dp, cp, dq, cq) WHERE a.id = d.id";

    private static final String ADD_TO_PERIODS = "INSERT INTO period_balance (fund_id, account_id, period, debits_posted_fen, "
            + "credits_posted_fen) SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::bigint[]) "
            + "ON CONFLICT (fund_id, account_id, period) DO UPDATE SET "
            + "debits_posted_fen = period_balance.debits_posted_fen + EXCLUDED.debits_posted_fen, "
            + "credits_posted_fen = period_balance.credits_posted_fen + EXCLUDED.credits_posted_fen";

    private PostgresBatchWriter() {
    }

    static void insertTransactions(Connection c, List<Transaction> transactions) throws SQLException {
        if (transactions.isEmpty()) {
            return;
        }
        int n = transactions.size();
        Object[][] cols = new Object[18][n];
        int legCount = 0;
        for (int i = 0; i < n; i++) {
            Transaction t = transactions.get(i);
            Object[] row = {t.id(), t.idempotencyKey(), t.requestHash(), t.fundId(), t.kind().name(), t.phase().name(), t.memo(),
                    t.occurredAt().toString(), t.recordedAt().toString(), t.reversesId(), t.pendingId(), t.references().gift(),
                    t.references().disbursement(), t.references().pool(), t.recordedBy(), t.prevHash(), t.hash(),
                    t.references().project()};
            for (int col = 0; col < row.length; col++) {
                cols[col][i] = row[col];
            }
            legCount += t.legs().size();
        }
        String[] types = {"bigint", "varchar", "varchar", "bigint", "varchar", "varchar", "varchar", "timestamptz", "timestamptz",
                "bigint", "bigint", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"};
        requireRows(execute(c, INSERT_TRANSACTIONS, types, cols), n, "journal_transaction");

        Object[][] legs = new Object[8][legCount];
        int at = 0;
        for (Transaction t : transactions) {
            String occurredAt = t.occurredAt().toString();
            for (Leg leg : t.legs()) {
                Object[] row = {t.id(), leg.legNo(), leg.fundId(), leg.debitAccountId(), leg.creditAccountId(), leg.amountFen(),
                        leg.posted(), occurredAt};
                for (int col = 0; col < row.length; col++) {
                    legs[col][at] = row[col];
                }
                at++;
            }
        }
        if (legCount > 0) {
            requireRows(execute(c, INSERT_LEGS, new String[] {"bigint", "int4", "bigint", "bigint", "bigint", "bigint", "bool",
                    "timestamptz"}, legs), legCount, "journal_leg");
        }
    }

    /** One aggregated increment per touched account, in one statement; every account must be found. */
    static void updateTotals(Connection c, Map<Long, long[]> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        int n = deltas.size();
        Object[][] cols = new Object[5][n];
        int i = 0;
        for (Map.Entry<Long, long[]> e : deltas.entrySet()) {
            cols[0][i] = e.getKey();
            for (int k = 0; k < 4; k++) {
                cols[k + 1][i] = e.getValue()[k];
            }
            i++;
        }
        requireRows(execute(c, UPDATE_TOTALS, new String[] {"bigint", "bigint", "bigint", "bigint", "bigint"}, cols), n, "account");
    }

    /** One aggregated increment per touched account and month, in one statement: a month's first posting adds its row. */
    static void addToPeriods(Connection c, Map<AccountPeriod, long[]> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        int n = deltas.size();
        Object[][] cols = new Object[5][n];
        int i = 0;
        for (Map.Entry<AccountPeriod, long[]> e : deltas.entrySet()) {
            cols[0][i] = e.getKey().fundId();
            cols[1][i] = e.getKey().accountId();
            cols[2][i] = e.getKey().period();
            cols[3][i] = e.getValue()[0];
            cols[4][i] = e.getValue()[1];
            i++;
        }
        requireRows(execute(c, ADD_TO_PERIODS, new String[] {"bigint", "bigint", "int4", "bigint", "bigint"}, cols), n,
                "period_balance");
    }

    private static int execute(Connection c, String sql, String[] types, Object[][] columns) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int col = 0; col < columns.length; col++) {
                Array array = c.createArrayOf(types[col], columns[col]);
                statement.setArray(col + 1, array);
            }
            return statement.executeUpdate();
        }
    }

    private static void requireRows(int written, int expected, String table) {
        if (written != expected) {
            throw new IllegalStateException("wrote " + written + " rows of " + table + " where the batch has " + expected);
        }
    }
}
