package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.user.Actor;

/** Move a project along its life (submit, approve, reject, close fundraising, cancel), with a reason. */
public record TransitionProject(Actor by, String code, ProjectTransition transition, String reason)
        implements LedgerCommand<Project> {
}
