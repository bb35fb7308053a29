package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * V23 and V23_1: the indexes a gift's rows enter. V23 drops the two leg indexes by one account, which nothing read, on
 * both databases. V23_1 replaces on H2 seven foreign keys, each of which H2 could declare only with an index of its own,
 * by {@link ReferenceTrigger}: the same check, by the referenced table's key, while {@link KeptRowTrigger} keeps the
 * rows referred to as a foreign key kept them. PostgreSQL checks the same seven by statement (V15_2, V22), under the
 * same names, and keeps the same rows.
 */
@DisplayName("V23: the indexes a gift's rows enter, and the references they still check")
class GiftRowIndexesTest {

    /** The seven references of V23_1: the referring table, its columns, and the check's name. */
    private static final List<List<String>> CHECKED_BY_TRIGGER_ON_H2 = List.of(
            List.of("GIFT", "FUND_ID", "GIFT_FUND_ID_FKEY"), List.of("GIFT", "PROJECT_ID", "GIFT_PROJECT_ID_FKEY"),
            List.of("JOURNAL_LEG", "TRANSACTION_ID", "JOURNAL_LEG_TRANSACTION_ID_FKEY"),
            List.of("JOURNAL_LEG", "FUND_ID,DEBIT_ACCOUNT_ID", "LEG_DEBIT_IN_FUND"),
            List.of("JOURNAL_LEG", "FUND_ID,CREDIT_ACCOUNT_ID", "LEG_CREDIT_IN_FUND"),
            List.of("ATTRIBUTION_UNIT", "PROJECT_ID", "ATTRIBUTION_UNIT_PROJECT_ID_FKEY"),
            List.of("PROJECT_DONOR", "PROJECT_ID", "PROJECT_DONOR_PROJECT_ID_FKEY"));

    private static final String ORPHAN_UNIT = "INSERT INTO attribution_unit (project_id, gift_id, part, origin, in_fen, "
            + "standing_fen, remaining_fen) VALUES (999, 1, 'GIFT', 'OWN', 1, 1, 1)";
    private static final String ORPHAN_DONOR = "INSERT INTO project_donor (project_id, donor_key, gifts, standing_fen, counted_fen) "
            + "VALUES (998, 'd', 1, 1, 0)";

    @Test
    @DisplayName("H2: the seven are triggers, not foreign keys, so no index over exactly their columns; a row that points "
            + "nowhere is refused (LedgerStoreSuite and GiftSuite try the leg's and the gift's on both databases)")
    void h2() {
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            List<String> triggers = db.database().dsl().fetch("SELECT trigger_name FROM information_schema.triggers "
                    + "WHERE trigger_schema = current_schema").getValues(0, String.class);
            for (List<String> reference : CHECKED_BY_TRIGGER_ON_H2) {
                List<String> columns = List.of(reference.get(1).split(","));
                assertThat(foreignKeysOn(db, reference.get(0))).as("%s's foreign key", reference).doesNotContain(columns);
                assertThat(indexesOn(db, reference.get(0))).as("%s's index", reference).doesNotContain(columns);
                assertThat(triggers).as("%s's trigger", reference).contains(reference.get(2));
            }
            assertThat(indexesOn(db, "GIFT")).doesNotContain(List.of("PROJECT_ID"), List.of("FUND_ID"));
            assertThat(foreignKeysOn(db, "GIFT")).as("the other references stay foreign keys").contains(List.of("TRANSACTION_ID"));
            assertRefused(db, ORPHAN_UNIT, "23506", "attribution_unit_project_id_fkey", "(project_id)=(999)");
            assertRefused(db, ORPHAN_DONOR, "23506", "project_donor_project_id_fkey", "(project_id)=(998)");
        }
    }

    @Test
    @DisplayName("PostgreSQL: the same rows are refused under the same names")
    void postgres() {
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            assertRefused(db, ORPHAN_UNIT, "23503", "attribution_unit_project_id_fkey", "(project_id)=(999)");
            assertRefused(db, ORPHAN_DONOR, "23503", "project_donor_project_id_fkey", "(project_id)=(998)");
        }
    }

    @Test
    @DisplayName("H2: no index on a leg by one account")
    void unreadLegIndexesH2() {
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            assertNoIndexByAccount(db.database().dsl().fetch("SELECT index_name FROM information_schema.indexes "
                    + "WHERE table_schema = current_schema AND table_name = 'JOURNAL_LEG'").getValues(0, String.class));
        }
    }

    @Test
    @DisplayName("PostgreSQL: no index on a leg by one account")
    void unreadLegIndexesPostgres() {
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            assertNoIndexByAccount(db.database().dsl().fetch("SELECT indexname FROM pg_indexes "
                    + "WHERE schemaname = current_schema AND tablename = 'journal_leg'").getValues(0, String.class));
        }
    }

    @Test
    @DisplayName("H2: a fund, an account or a project that nothing else names yet is still kept: not deleted, not re-keyed")
    void keptRowsH2() {
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            assertKept(db);
        }
    }

    @Test
    @DisplayName("PostgreSQL: the same rows are kept")
    void keptRowsPostgres() {
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            assertKept(db);
        }
    }

    /**
     * A bare fund, account and project. Nothing names the account or the project, so only the kept-row rule holds them;
     * the fund is named by both, so its refusals are told apart from a foreign key's by the SQLSTATE and the wording.
     */
    private static void assertKept(TestDatabases.TestDatabase db) {
        var dsl = db.database().dsl();
        String fund = "INSERT INTO fund (id, code, name, fund_level, must_not_go_negative, created_at) "
                + "VALUES (%d, '%s', 'kept', 'COMMUNITY', TRUE, CURRENT_TIMESTAMP)";
        dsl.execute(fund.formatted(970001, "KEPT"));
        dsl.execute(fund.formatted(970006, "KEPT-2"));
        dsl.execute("INSERT INTO account (id, fund_id, code, name, type, normal_side, restricted, must_not_go_negative) "
                + "VALUES (970005, 970001, '1002', 'bank', 'ASSET', 'DEBIT', FALSE, FALSE)");
        dsl.execute("INSERT INTO project (id, code, fund_id, title, category, need, plan, target_amount_fen, fundraising_opens_at, "
                + "fundraising_closes_at, status, created_by_id, created_by_name, created_at, updated_at) VALUES (970002, 'KEPT-P', "
                + "970001, 't', 'c', 'n', 'p', 100, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1' DAY, 'DRAFT', 1, 'x', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        for (String change : List.of("DELETE FROM project WHERE id = 970002", "UPDATE project SET id = 970003 WHERE id = 970002",
                "UPDATE project SET code = 'OTHER' WHERE id = 970002", "DELETE FROM fund WHERE id = 970001",
                "UPDATE fund SET id = 970004 WHERE id = 970001", "DELETE FROM account WHERE id = 970005",
                "UPDATE account SET id = 970007 WHERE id = 970005", "UPDATE account SET fund_id = 970006 WHERE id = 970005")) {
            assertThatThrownBy(() -> dsl.execute(change)).as(change).isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("23000"))
                    .hasMessageContaining("kept for good");
        }
        // What may change still changes.
        assertThat(dsl.execute("UPDATE project SET title = 't2' WHERE id = 970002")).isEqualTo(1);
        assertThat(dsl.execute("UPDATE fund SET name = 'kept 2' WHERE id = 970001")).isEqualTo(1);
        assertThat(dsl.execute("UPDATE account SET name = 'bank 2' WHERE id = 970005")).isEqualTo(1);
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM project WHERE id = 970002 AND code = 'KEPT-P'", Long.class)).isEqualTo(1L);
    }

    private static void assertRefused(TestDatabases.TestDatabase db, String insert, String state, String name, String key) {
        assertThatThrownBy(() -> db.database().dsl().execute(insert)).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo(state))
                .hasMessageContaining(name).hasMessageContaining(key);
    }

    private static void assertNoIndexByAccount(List<String> legIndexes) {
        assertThat(legIndexes).as("the leg's own key is there, so the names were read").isNotEmpty()
                .noneMatch(name -> name.equalsIgnoreCase("journal_leg_debit_account") || name.equalsIgnoreCase("journal_leg_credit_account"));
    }

    /** The foreign keys of a table, each as its columns in order (the SQL standard's information schema). */
    private static List<List<String>> foreignKeysOn(TestDatabases.TestDatabase db, String table) {
        return db.database().dsl().fetch("SELECT LISTAGG(k.column_name, ',') WITHIN GROUP (ORDER BY k.ordinal_position) "
                        + "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
                        + "ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name "
                        + "WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema AND tc.table_name = ? "
                        + "GROUP BY tc.constraint_name", table)
                .map(r -> List.of(r.get(0, String.class).split(",")));
    }

    /** H2's indexes of a table, each as its columns in order. */
    private static List<List<String>> indexesOn(TestDatabases.TestDatabase db, String table) {
        return db.database().dsl().fetch("SELECT LISTAGG(column_name, ',') WITHIN GROUP (ORDER BY ordinal_position) "
                        + "FROM information_schema.index_columns WHERE table_schema = current_schema AND table_name = ? "
                        + "GROUP BY index_name", table)
                .map(r -> List.of(r.get(0, String.class).split(",")));
    }
}
