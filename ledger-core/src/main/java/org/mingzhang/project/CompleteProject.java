package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.user.Actor;

/** Record what a running project achieved, against each goal of its plan: IN_PROGRESS → COMPLETED. */
public record CompleteProject(Actor by, String code, Closing closing) implements LedgerCommand<Project> {
}
