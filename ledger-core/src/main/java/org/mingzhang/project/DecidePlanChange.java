package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/** The committee approves or rejects a proposed plan version; never the person who proposed it. */
public record DecidePlanChange(Actor by, String code, int versionNo, boolean approve, String reason)
        implements LedgerCommand<PlanVersion> {

    public DecidePlanChange {
        if (reason != null) {
            LedgerLimits.requireReason(reason);
        }
    }
}
