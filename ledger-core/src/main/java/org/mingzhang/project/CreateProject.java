package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/** Write a new project plan for a fund; it starts as a {@link ProjectStatus#DRAFT}. */
public record CreateProject(Actor by, String code, String fundCode, ProjectPlan plan) implements LedgerCommand<Project> {

    public CreateProject {
        LedgerLimits.requireCode(code);
        LedgerLimits.requireCode(fundCode);
    }
}
