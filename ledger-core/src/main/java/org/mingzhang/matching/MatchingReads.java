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

    public MatchingReads(MatchingStore store, ProjectStore projects, LedgerReads ledger) {
        this.store = store;
        this.projects = projects;
        this.ledger = ledger;
    }

    public Optional<PoolView> pool(String code) {
        return store.pool(code).map(this::view);
    }

    public List<PoolView> pools() {
        return store.pools().stream().map(this::view).toList();
    }

    private PoolView view(MatchingPool pool) {
        List<Settlement> settlements = store.settlementsOfPool(pool.id());
        long settled = settlements.stream().mapToLong(Settlement::finalFen).sum();
        long returned = settlements.stream().mapToLong(Settlement::returnedFen).sum();
        List<Account> accounts = ledger.accounts(pool.poolFundId());
        long available = account(accounts, ChartTemplate.BANK).map(Account::availableFen).orElse(0L);
        long receivable = account(accounts, ChartTemplate.DUE_FROM_OTHER_FUNDS).map(Account::balanceFen).orElse(0L);
        long reserved = 0;
        Map<String, Map<String, Set<AbuseSignal>>> signals = new LinkedHashMap<>();
        for (Project p : members(pool)) {
            ProjectMatch match = explain(pool, p, available, settlements.stream().filter(s -> s.projectId() == p.id()).findFirst().orElse(null));
            if (match.settlement() == null && match.eligible() && p.status() == ProjectStatus.FUNDRAISING) {
                reserved = Math.addExact(reserved, match.explanation().cappedFen());
            }
            if (!match.explanation().signalsByGiftId().isEmpty()) {
                signals.put(p.code(), match.explanation().signalsByGiftId());
            }
        }
        return new PoolView(pool, settled, returned, reserved, available, receivable, signals);
    }

    /** The match of a project that names a pool; empty when it names none or the pool does not exist. */
    public Optional<ProjectMatch> project(String projectCode) {
        Project project = projects.project(projectCode).orElse(null);
        if (project == null || project.plan().matchingPoolCode() == null) {
            return Optional.empty();
        }
        return store.pool(project.plan().matchingPoolCode())
                .map(pool -> explain(pool, project, available(pool), store.settlementOfProject(project.id()).orElse(null)));
    }

    private ProjectMatch explain(MatchingPool pool, Project project, long available, Settlement settlement) {
        Fund fund = ledger.funds().stream().filter(f -> f.id() == project.fundId()).findFirst().orElseThrow();
        boolean eligible = pool.rule().admits(project.plan().category(), fund.code());
        List<MatchableGift> gifts = store.giftsOfProject(project.id());
        // A settled match is explained against the budget it met; a provisional one against what is left now.
        long budget = settlement != null ? settlement.budgetAvailableFen() : available;
        // A project the rule does not admit gets nothing: the whole capped amount is shown as refused by the budget.
        MatchExplanation e = MatchCalculator.explain(pool.rule(), gifts, eligible ? budget : 0);
        Set<String> team = project.plan().team().stream().map(TeamMember::name).collect(Collectors.toSet());
        e = e.withSignals(AbuseSignals.detect(pool.rule(), gifts, team, settlement != null ? settlement.settledAt() : null));
        return new ProjectMatch(pool, eligible, e, settlement);
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
