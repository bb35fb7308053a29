package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/**
 * Propose a new version of an approved plan (while the project raises money or runs). It takes effect only
 * when the committee approves it ({@link DecidePlanChange}); until then the approved version stays in force.
 */
public record ProposePlanChange(Actor by, String code, ProjectPlan plan, String reason) implements LedgerCommand<PlanVersion> {

    public ProposePlanChange {
        LedgerLimits.requireReason(reason);
    }
}
