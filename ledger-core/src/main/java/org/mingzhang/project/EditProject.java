package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.user.Actor;

/** Rewrite a project's plan while it is a DRAFT; from SUBMITTED on the plan changes only by a new version. */
public record EditProject(Actor by, String code, ProjectPlan plan) implements LedgerCommand<Project> {
}
