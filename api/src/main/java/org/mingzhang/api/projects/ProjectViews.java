package org.mingzhang.api.projects;

import jakarta.inject.Singleton;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.ledger.AccountDirectory;
import org.mingzhang.money.Money;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectEvent;
import org.mingzhang.project.ProjectPlan;

/** Builds the project answers: codes instead of ids, money as yuan strings, times in China Standard Time. */
@Singleton
public final class ProjectViews {

    private final AccountDirectory directory;

    public ProjectViews(AccountDirectory directory) {
        this.directory = directory;
    }

    public ProjectResponse of(Project project) {
        ProjectPlan plan = project.plan();
        return new ProjectResponse(project.code(), directory.fundCode(project.fundId()), plan.title(), plan.category(),
                plan.need(), plan.goals(), Money.format(plan.targetAmountFen()),
                plan.budget().stream().map(b -> new BudgetLineResponse(b.lineNo(), b.item(), Money.format(b.amountFen()),
                        b.note())).toList(),
                plan.plan(), plan.team().stream().map(m -> new TeamMemberResponse(m.name(), m.role())).toList(),
                Times.format(plan.fundraisingOpensAt()), Times.format(plan.fundraisingClosesAt()), plan.matchingPoolCode(),
                project.status(), project.createdBy().name(),
                project.submittedBy() == null ? null : project.submittedBy().name(),
                Times.format(project.createdAt()), Times.format(project.updatedAt()));
    }

    public ProjectEventResponse of(ProjectEvent event) {
        return new ProjectEventResponse(event.seq(), Times.format(event.at()), event.by().name(), event.action(),
                event.from(), event.to(), event.reason());
    }
}
