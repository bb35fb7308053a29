package org.mingzhang.matching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mingzhang.account.Account;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.LedgerReads;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.project.TeamMember;

/**
 * Matching as read from committed storage: a pool's figures and a project's explanation. The same
 * calculator the writer settles with computes the provisional figures, so a preview and a settlement
 * never disagree on the rule, only on the gifts and the budget left at the time.
 */
public final class MatchingReads {

    private final MatchingStore store;
    private final ProjectStore projects;
    private final LedgerReads ledger;
    private final MatchTallies tallies;

    public MatchingReads(MatchingStore store, ProjectStore projects, LedgerReads ledger, MatchTallies tallies) {
        this.store = store;
        this.projects = projects;
        this.ledger = ledger;
        this.tallies = tallies;
    }

    /** A pool's figures and its members' abuse signals (which read every member's gifts): the staff's review. */
    public Optional<PoolView> pool(String code) {
        return store.pool(code).map(p -> view(p, true));
    }

    /**
     * A pool's figures (the pool sheet: budget, reserved, settled, returned, available) from its members' match bases,
     * one row each, without abuse signals: no pass over any gift. For reports and the public side.
     */
    public Optional<PoolView> sheet(String code) {
        return store.pool(code).map(p -> view(p, false));
    }

    public List<PoolView> pools() {
        return store.pools().stream().map(p -> view(p, true)).toList();
    }

    private PoolView view(MatchingPool pool, boolean withSignals) {
        List<Settlement> settlements = store.settlementsOfPool(pool.id());
        long settled = settlements.stream().mapToLong(Settlement::finalFen).sum();
        long returned = settlements.stream().mapToLong(Settlement::returnedFen).sum();
        List<Account> accounts = ledger.accounts(pool.poolFundId());
        long available = account(accounts, ChartTemplate.BANK).map(Account::availableFen).orElse(0L);
        long receivable = account(accounts, ChartTemplate.DUE_FROM_OTHER_FUNDS).map(Account::balanceFen).orElse(0L);
        long reserved = 0;
        Map<String, Map<String, Set<AbuseSignal>>> signals = new LinkedHashMap<>();
        for (Project p : members(pool)) {
            ProjectMatch match = explain(pool, p, available, settlements.stream().filter(s -> s.projectId() == p.id()).findFirst().orElse(null),
                    withSignals);
            if (match.settlement() == null && match.eligible() && p.status() == ProjectStatus.FUNDRAISING) {
                reserved = Math.addExact(reserved, match.explanation().cappedFen());
            }
            if (!match.explanation().signalsByGiftId().isEmpty()) {
                signals.put(p.code(), match.explanation().signalsByGiftId());
            }
        }
        return new PoolView(pool, settled, returned, reserved, available, receivable, signals);
    }

    /**
     * The match of a project that names a pool, from its base as the projection keeps it (one row, however many gifts
     * the project has), without abuse signals; empty when it names no pool or the pool does not exist.
     */
    public Optional<ProjectMatch> project(String projectCode) {
        return projects.project(projectCode).flatMap(p -> project(p, false));
    }

    /** As {@link #project(String)}, with the abuse signals, which read every gift of the project: for the full explanation. */
    public Optional<ProjectMatch> explained(String projectCode) {
        return projects.project(projectCode).flatMap(p -> project(p, true));
    }

    private Optional<ProjectMatch> project(Project project, boolean signals) {
        if (project.plan().matchingPoolCode() == null) {
            return Optional.empty();
        }
        return store.pool(project.plan().matchingPoolCode())
                .map(pool -> explain(pool, project, available(pool), store.settlementOfProject(project.id()).orElse(null), signals));
    }

    private ProjectMatch explain(MatchingPool pool, Project project, long available, Settlement settlement, boolean signals) {
        String fundCode = ledger.fund(project.fundId()).map(Fund::code).orElseThrow();
        boolean eligible = pool.rule().admits(project.plan().category(), fundCode);
        MatchTallies.Row row = tallies.row(project.id()).orElse(null);
        // The projection's base, unless it was counted under another pool (the plan changed it and no gift came since).
        boolean current = row != null && row.poolId() == pool.id() && row.ruleVersion() == pool.ruleVersion();
        List<MatchableGift> gifts = signals || (row != null && !current) ? store.giftsOfProject(project.id()) : null;
        MatchBase base = current ? row.base() : gifts != null ? MatchCalculator.explainBase(pool.rule(), gifts) : MatchBase.EMPTY;
        ProjectMatch match = ProjectMatch.of(pool, eligible, base, available, settlement);
        if (!signals) {
            return match;
        }
        Set<String> team = project.plan().team().stream().map(TeamMember::name).collect(Collectors.toSet());
        return new ProjectMatch(pool, eligible, match.explanation().withSignals(AbuseSignals.detect(pool.rule(), gifts, team,
                settlement != null ? settlement.settledAt() : null)), settlement);
    }

    private List<Project> members(MatchingPool pool) {
        return projects.projects().stream().filter(p -> pool.code().equals(p.plan().matchingPoolCode())).toList();
    }

    private long available(MatchingPool pool) {
        return account(ledger.accounts(pool.poolFundId()), ChartTemplate.BANK).map(Account::availableFen).orElse(0L);
    }

    private static Optional<Account> account(List<Account> accounts, String code) {
        return accounts.stream().filter(a -> a.code().equals(code)).findFirst();
    }
}
