package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mingzhang.store.jooq.Tables.ATTRIBUTION;
import static org.mingzhang.store.jooq.Tables.ATTRIBUTION_OUTFLOW;
import static org.mingzhang.store.jooq.Tables.ATTRIBUTION_UNIT;

import java.util.Comparator;
import java.util.List;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.gift.GivingProjection;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.matching.MatchBase;
import org.mingzhang.matching.MatchCalculator;
import org.mingzhang.matching.MatchTallies;
import org.mingzhang.matching.MatchingPool;
import org.mingzhang.matching.MatchingStore;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectStore;

/**
 * The read side's projections against the same figures folded from the journal and the records, as committed: a
 * project's money from every transaction that names it, its match base from all its gifts, its giving from its gifts; and
 * its attribution units hold what it holds, each outflow's parts summing to it.
 */
final class ProjectionChecks {

    private final Database database;

    ProjectionChecks(Database database) {
        this.database = database;
    }

    /** Every project's projections equal their folds; {@code after} names the step for the failure message. */
    void projectionsEqualTheJournal(String after) {
        projectionsEqualTheJournal(after, database.projectStore().projects());
    }

    /** These projects' projections equal their folds. */
    void projectionsEqualTheJournal(String after, java.util.Collection<String> codes) {
        ProjectStore projects = database.projectStore();
        projectionsEqualTheJournal(after, codes.stream().map(c -> projects.project(c).orElseThrow()).toList());
    }

    private void projectionsEqualTheJournal(String after, List<Project> which) {
        ProjectStore projects = database.projectStore();
        MatchingStore matching = database.matchingStore();
        MatchTallies tallies = new JooqProjectionStore(database.dsl());
        GiftStore gifts = database.giftStore();
        ProjectGiving giving = database.projectGiving();
        logIsTheJournals(after);
        for (Project p : which) {
            ProjectMoney.State folded = normal(projects.money(p).state());
            ProjectMoney.State kept = normal(database.projectSheets().money(p.id()).state());
            assertThat(kept).as("project %s's money as the projection keeps it, after %s", p.code(), after).isEqualTo(folded);

            List<Gift> its = gifts.gifts(null, p.id(), null, 0, Integer.MAX_VALUE);
            ProjectGiving.Sheet foldedGiving = GivingProjection.fold(its).stream().map(ProjectGiving.Saved::sheet).findFirst()
                    .orElse(ProjectGiving.Sheet.empty(p.id()));
            ProjectGiving.Sheet keptGiving = giving.sheet(p.id());
            if (keptGiving.sources().isEmpty() && keptGiving.donors() == 0) {
                keptGiving = ProjectGiving.Sheet.empty(p.id());
            }
            assertThat(keptGiving).as("project %s's giving after %s", p.code(), after).isEqualTo(foldedGiving);

            attributionHoldsTheProjectsMoney(p, kept, after);

            MatchingPool pool = p.plan().matchingPoolCode() == null ? null : matching.pool(p.plan().matchingPoolCode()).orElse(null);
            if (pool != null) {
                MatchBase foldedBase = MatchCalculator.explainBase(pool.rule(), matching.giftsOfProject(p.id()));
                MatchBase keptBase = tallies.row(p.id()).filter(r -> r.poolId() == pool.id()).map(MatchTallies.Row::base)
                        .orElse(MatchBase.EMPTY);
                assertThat(keptBase).as("project %s's match base after %s", p.code(), after).isEqualTo(foldedBase);
            }
        }
    }

    /** The transparency log has a leaf per journal transaction, and its stored subtrees give the root of their hashes. */
    private void logIsTheJournals(String after) {
        List<byte[]> leaves = database.dsl().select(org.mingzhang.store.jooq.Tables.JOURNAL_TRANSACTION.HASH)
                .from(org.mingzhang.store.jooq.Tables.JOURNAL_TRANSACTION).orderBy(org.mingzhang.store.jooq.Tables.JOURNAL_TRANSACTION.ID)
                .fetch(r -> java.util.HexFormat.of().parseHex(r.value1()));
        org.mingzhang.transparency.LogStore log = database.logStore();
        assertThat(log.size()).as("the log's leaves after %s", after).isEqualTo(leaves.size());
        if (leaves.isEmpty()) {
            return;
        }
        assertThat(log.root(leaves.size())).as("the log's root after %s", after)
                .isEqualTo(org.mingzhang.transparency.MerkleTree.root(TransparencyLogSuite.InMemory.of(leaves), leaves.size()));
    }

    /**
     * The attribution's units hold what the project holds, none is negative, and each of its outflows' parts sum to it
     * (AttributionProperties compares the rows with a fold of the journal; this check runs wherever the projections do).
     */
    private void attributionHoldsTheProjectsMoney(Project p, ProjectMoney.State kept, String after) {
        var dsl = database.dsl();
        List<Long> remaining = dsl.select(ATTRIBUTION_UNIT.REMAINING_FEN).from(ATTRIBUTION_UNIT)
                .where(ATTRIBUTION_UNIT.PROJECT_ID.eq(p.id())).fetch(ATTRIBUTION_UNIT.REMAINING_FEN);
        assertThat(remaining).as("project %s's attribution units after %s", p.code(), after).allMatch(fen -> fen >= 0);
        assertThat(remaining.stream().mapToLong(Long::longValue).sum())
                .as("project %s's attribution units against what it holds, after %s", p.code(), after)
                .isEqualTo(ProjectMoney.of(kept).holdingsFen());
        java.util.Map<Long, Long> outflows = new java.util.TreeMap<>();
        dsl.selectFrom(ATTRIBUTION_OUTFLOW).where(ATTRIBUTION_OUTFLOW.PROJECT_ID.eq(p.id()))
                .forEach(o -> outflows.put(o.getTransactionId(), o.getAmountFen()));
        java.util.Map<Long, Long> parts = new java.util.TreeMap<>();
        dsl.selectFrom(ATTRIBUTION).where(ATTRIBUTION.PROJECT_ID.eq(p.id()))
                .forEach(r -> parts.merge(r.getTransactionId(), r.getAmountFen(), Long::sum));
        assertThat(parts).as("project %s's outflows' attribution parts after %s", p.code(), after).isEqualTo(outflows);
    }

    /** The same money in one order: lines by item, reservations by pending transfer, no zero years. */
    private static ProjectMoney.State normal(ProjectMoney.State s) {
        java.util.Map<Integer, Long> years = new java.util.TreeMap<>();
        s.restrictedIncomeByYear().forEach((y, fen) -> {
            if (fen != 0) {
                years.put(y, fen);
            }
        });
        return new ProjectMoney.State(s.restrictedNetFen(), s.designatedFen(), s.goodsFen(), s.raisedFen(), s.matchedFen(),
                s.owedToPoolFen(), s.transferredInFen(), s.leftoverOutFen(), s.goodsIssuedFen(), s.feesFen(),
                s.refundedFromFundFen(), years,
                s.lines().stream().sorted(Comparator.comparing(ProjectMoney.Line::item)).toList(),
                s.reservations().stream().sorted(Comparator.comparingLong(ProjectMoney.Reserved::pendingId)).toList());
    }
}
