package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/** Move a project along its life (submit, approve, reject, close fundraising, accept, cancel), with a reason. */
public record TransitionProject(Actor by, String code, ProjectTransition transition, String reason)
        implements LedgerCommand<Project> {

    public TransitionProject {
        // The code is not asserted: an unknown or overlong one is simply a project that does not exist.
        if (reason != null) {
            LedgerLimits.requireReason(reason);
        }
        if (transition == ProjectTransition.COMPLETE) {
            throw new IllegalArgumentException("a project is completed with its results: CompleteProject");
        }
    }
}
