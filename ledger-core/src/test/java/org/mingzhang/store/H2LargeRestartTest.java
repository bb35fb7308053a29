package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.TestClock;
import org.mingzhang.matching.CreatePool;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.Tier;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * The embedded default restarts on books with more restricted gifts than any in-memory row limit of H2's start-up
 * queries (issue 10: after 1,000,000 gifts the service no longer started, H2 failing inside its spilled
 * {@code IN (subquery)} result). 100,000 gifts to two matched projects, then: a restart that starts from the projection
 * rows and takes the next gift; and a restart that must build the projections afresh from the journal (books from
 * before them), whose projections then equal the journal's folds.
 */
@DisplayName("H2 restarts on 100,000 restricted gifts")
class H2LargeRestartTest {

    static final int GIFTS = 100_000;
    static final Actor WANG = new Actor(81, "王会计");
    static final Instant OPENS = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2027-12-31T15:59:59Z");

    @TempDir
    Path dir;

    @Test
    void restartsAndTakesTheNextGift() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("mingzhang");
        LedgerFixture f;
        // The books are filled with H2's own write delay, not a forced sync per batch: what this test proves is the
        // restart on them, and closing the database cleanly writes everything before the restarts below.
        try (Database db = Database.open(url, "sa", "", 4, Database.H2Durability.DELAYED);
             Ledger ledger = LedgerAssembly.open(db.ports(), TestClock.in2026(), LedgerWriter.Settings.DEFAULT)) {
            f = new LedgerFixture(ledger, "L");
            f.fund("SEED", FundLevel.SEED, null, false);
            f.deposit("SEED", 20_000_00);
            f.fund("CITY");
            f.fund("COMM", FundLevel.COMMUNITY, "CITY", false);
            MatchRule rule = MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 1_000)), OPENS, CLOSES);
            ledger.execute(new CreatePool(LedgerFixture.key(), WANG, f.code("YG"), "配捐", f.code("SEED"), 2_000_00,
                    SettlementMode.AT_PROJECT_CLOSE, rule)).value();
            for (int p = 0; p < 2; p++) {
                ProjectPlan plan = new ProjectPlan("项目 " + p, "便民维修", "居民需要", List.of("完成"), 200_000_00,
                        List.of(new BudgetLine(1, "材料", 200_000_00, null)), "计划", List.of(new TeamMember("负责人", "负责人")),
                        OPENS, CLOSES, f.code("YG"), 0);
                ledger.execute(new CreateProject(WANG, f.code("P" + p), f.code("COMM"), plan, null)).value();
                ledger.execute(new TransitionProject(WANG, f.code("P" + p), ProjectTransition.SUBMIT, null)).value();
                ledger.execute(new TransitionProject(new Actor(82, "李委员"), f.code("P" + p), ProjectTransition.APPROVE, "同意")).value();
            }
            for (int from = 0; from < GIFTS; from += 10_000) {
                List<CompletableFuture<Outcome<Gift>>> answers = new ArrayList<>();
                for (int i = from; i < from + 10_000; i++) {
                    answers.add(ledger.submit(gift(f, i)));
                }
                for (CompletableFuture<Outcome<Gift>> a : answers) {
                    assertThat(a.get().accepted()).isTrue();
                }
            }
        }

        // A restart from the projection rows: quick, and the next gift is taken.
        try (Database db = Database.open(url, "sa", "", 4)) {
            long started = System.nanoTime();
            try (Ledger ledger = LedgerAssembly.open(db.ports(), TestClock.in2026(), LedgerWriter.Settings.DEFAULT)) {
                long tookMs = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("H2 with %,d gifts: the ledger opened in %,d ms from the projection rows%n", GIFTS, tookMs);
                assertThat(ledger.execute(gift(f, GIFTS)).accepted()).isTrue();
                assertThat(db.projectSheets().money(db.projectStore().project(f.code("P0")).orElseThrow().id()).raisedFen()
                        + db.projectSheets().money(db.projectStore().project(f.code("P1")).orElseThrow().id()).raisedFen())
                        .isEqualTo((GIFTS + 1) * 100_00L);
            }
        }

        // Books from before the projections: the first start builds them from the journal, whole.
        try (Database db = Database.open(url, "sa", "", 4)) {
            db.dsl().deleteFrom(org.mingzhang.store.jooq.Tables.PROJECTION_BUILT).execute();
            try (Ledger ledger = LedgerAssembly.open(db.ports(), TestClock.in2026(), LedgerWriter.Settings.DEFAULT)) {
                assertThat(ledger.execute(gift(f, GIFTS + 1)).accepted()).isTrue();
            }
            new ProjectionChecks(db).projectionsEqualTheJournal("a restart that built the projections afresh");
        }
    }

    private static RecordGift gift(LedgerFixture f, int i) {
        // Every tenth donor gives twice, so the donor rows and the per-donor sums are exercised as well.
        int donor = i % 10 == 0 ? i / 10 : i;
        return new RecordGift(LedgerFixture.key(), WANG, f.code("COMM"), f.code("P" + (i % 2)), 100_00, Channel.BANK_TRANSFER,
                new Donor("捐赠人" + donor, DonorKind.PERSON, null, "ID" + donor, null, false, false), null,
                TestClock.ANCHOR.minusSeconds(3_600), null);
    }
}
