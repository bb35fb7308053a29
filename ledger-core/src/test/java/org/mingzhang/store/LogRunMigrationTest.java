package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * V24 replaces the log's rows per leaf and per subtree with rows per run. The log is a function of the journal, so the
 * old rows are not copied: the migration drops their tables and the log's mark, and the next start builds the runs
 * from the journal ({@code TransparencyLogSuite.Rebuilt} checks that build against the checkpoints published before).
 * Here, books kept at V23 with a leaf, a subtree and the log's mark ({@link OldBooks}, the reference checks off since no
 * journal is there) are opened as the service opens them, which migrates them.
 */
@DisplayName("V24: the transparency log in runs, from books kept in leaves and subtrees")
class LogRunMigrationTest {

    /** Before V24 (%1$s: a 32-byte hash as the database reads a binary literal). */
    private static final List<String> BEFORE = List.of(
            "INSERT INTO log_leaf (leaf_index, transaction_id, leaf_hash) VALUES (0, 1, %1$s)",
            "INSERT INTO log_leaf (leaf_index, transaction_id, leaf_hash) VALUES (1, 2, %1$s)",
            "INSERT INTO log_node (tree_level, node_index, hash) VALUES (1, 0, %1$s)",
            "INSERT INTO projection_built (name, version) VALUES ('transparency-log', 1)");

    private static final String ZEROS = "00".repeat(32);

    private static List<String> before(String hash) {
        return BEFORE.stream().map(statement -> statement.formatted(hash)).toList();
    }

    @Test
    @DisplayName("H2")
    void h2() throws SQLException {
        try (Database db = OldBooks.upgradedH2("23.1", before("X'" + ZEROS + "'"))) {
            assertMigrated(db);
        }
    }

    @Test
    @DisplayName("PostgreSQL")
    void postgres() throws SQLException {
        TestDatabases.Scratch scratch = TestDatabases.scratchPostgres();
        String url = scratch.url();
        try {
            OldBooks.migrateTo(url, TestDatabases.user(), Database.Vendor.POSTGRESQL, "23");
            OldBooks.write(url, TestDatabases.user(), Database.Vendor.POSTGRESQL, true, before("'\\x" + ZEROS + "'::bytea"));
            try (Database db = Database.open(url, TestDatabases.user(), "", 2)) {
                assertMigrated(db);
                assertThat(number(db, "SELECT COUNT(*) FROM pg_proc WHERE proname = 'log_leaf_references_exist'"))
                        .as("V22's check of the leaves' references").isZero();
            }
        } finally {
            scratch.drop().run();
        }
    }

    private static long number(Database db, String query) {
        return db.dsl().fetchOne(query).get(0, Long.class);
    }

    private static void assertMigrated(Database db) {
        for (String table : List.of("log_leaf", "log_node")) {
            assertThatThrownBy(() -> db.dsl().fetch("SELECT * FROM " + table)).as("%s is gone", table)
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase(table));
        }
        assertThat(number(db, "SELECT COUNT(*) FROM log_run")).as("no run until the log is built").isZero();
        assertThat(number(db, "SELECT COUNT(*) FROM projection_built WHERE name = 'transparency-log'"))
                .as("the log's mark, so that the next start builds it").isZero();
    }
}
