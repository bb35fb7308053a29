package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * V21 moves each donor's counted sum from {@code project_match_donor} into {@code project_donor}: books kept before it
 * must come out with the same three figures per donor, whichever of the two tables held the donor. The rows are
 * written at V20 with plain SQL (on PostgreSQL two bare projects first, written with the reference checks off, since
 * their fund is not there; on H2 the donor rows with the checks off), then the database is opened as the service
 * opens it, which migrates it.
 */
@DisplayName("V21: one donor table, from books kept in two")
class DonorTableMigrationTest {

    /** PostgreSQL's: the projects the donor rows refer to. */
    private static final List<String> PROJECTS = List.of(7, 8).stream().map(id -> "INSERT INTO project (id, code, fund_id, "
            + "title, category, need, plan, target_amount_fen, fundraising_opens_at, fundraising_closes_at, status, "
            + "created_by_id, created_by_name, created_at, updated_at) VALUES (" + id + ", 'P" + id + "', 1, 't', 'c', 'n', "
            + "'p', 100, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00:00', TIMESTAMP WITH TIME ZONE "
            + "'2026-02-01 00:00:00+00:00', 'DRAFT', 1, 'a', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00:00', "
            + "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00:00')").toList();

    /** Before V21: (project, donor, gifts, standing) and (project, donor, counted). */
    private static final List<String> BEFORE = List.of(
            "INSERT INTO project_donor (project_id, donor_key, gifts, standing_fen) VALUES (7, 'both', 2, 50000)",
            "INSERT INTO project_donor (project_id, donor_key, gifts, standing_fen) VALUES (7, 'giving-only', 1, 10000)",
            "INSERT INTO project_donor (project_id, donor_key, gifts, standing_fen) VALUES (8, 'both', 1, 30000)",
            "INSERT INTO project_match_donor (project_id, donor_key, counted_fen) VALUES (7, 'both', 45000)",
            "INSERT INTO project_match_donor (project_id, donor_key, counted_fen) VALUES (7, 'match-only', 20000)",
            "INSERT INTO project_match_donor (project_id, donor_key, counted_fen) VALUES (8, 'both', 30000)");

    /** After V21: (project, donor, gifts, standing, counted), in key order. */
    private static final List<String> AFTER = List.of(
            "7 both 2 50000 45000",
            "7 giving-only 1 10000 0",
            "7 match-only 0 0 20000",
            "8 both 1 30000 30000");

    @Test
    @DisplayName("H2")
    void h2() throws SQLException {
        // H2 refuses the bare projects (a check fails without their fund), so its reference checks stay off, for the
        // whole database, until V21 has run; the migration moves donor rows and reads no project.
        try (Database db = OldBooks.upgradedH2("20", BEFORE)) {
            assertMerged(db);
        }
    }

    @Test
    @DisplayName("PostgreSQL")
    void postgres() throws SQLException {
        TestDatabases.Scratch scratch = TestDatabases.scratchPostgres();
        String url = scratch.url();
        try {
            OldBooks.migrateTo(url, TestDatabases.user(), Database.Vendor.POSTGRESQL, "20");
            // The projects' fund is not there: they are written with the reference checks off, the donor rows with them on.
            OldBooks.write(url, TestDatabases.user(), Database.Vendor.POSTGRESQL, true, PROJECTS);
            OldBooks.write(url, TestDatabases.user(), Database.Vendor.POSTGRESQL, false, BEFORE);
            try (Database db = Database.open(url, TestDatabases.user(), "", 2)) {
                assertMerged(db);
            }
        } finally {
            scratch.drop().run();
        }
    }

    private static void assertMerged(Database db) {
        List<String> rows = db.dsl().fetch("SELECT project_id, donor_key, gifts, standing_fen, counted_fen FROM project_donor "
                + "ORDER BY project_id, donor_key").map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3) + " " + r.get(4));
        assertThat(rows).containsExactlyElementsOf(AFTER);
        assertThatThrownBy(() -> db.dsl().fetch("SELECT * FROM project_match_donor")).as("the old table is gone")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("project_match_donor"));
    }
}
