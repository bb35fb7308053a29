package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/**
 * Write a new project plan for a fund; it starts as a {@link ProjectStatus#DRAFT}.
 *
 * @param needId the residents' need (居民点单) the project answers, or null; it must be open and of the same fund
 */
public record CreateProject(Actor by, String code, String fundCode, ProjectPlan plan, Long needId)
        implements LedgerCommand<Project> {

    public CreateProject {
        LedgerLimits.requireCode(code);
        LedgerLimits.requireCode(fundCode);
    }

    /** A project that answers no recorded need. */
    public CreateProject(Actor by, String code, String fundCode, ProjectPlan plan) {
        this(by, code, fundCode, plan, null);
    }
}
