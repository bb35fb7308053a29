package org.mingzhang.project;

import java.util.Set;

/**
 * The moves a project may make, each from a set of states to one state. The table is the whole state
 * machine: a move from any other state is refused and names the state the project is in.
 */
public enum ProjectTransition {
    SUBMIT(Set.of(ProjectStatus.DRAFT), ProjectStatus.SUBMITTED),
    APPROVE(Set.of(ProjectStatus.SUBMITTED), ProjectStatus.FUNDRAISING),
    REJECT(Set.of(ProjectStatus.SUBMITTED), ProjectStatus.REJECTED),
    CLOSE_FUNDRAISING(Set.of(ProjectStatus.FUNDRAISING), ProjectStatus.IN_PROGRESS),
    CANCEL(Set.of(ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, ProjectStatus.FUNDRAISING), ProjectStatus.CANCELLED);

    private final Set<ProjectStatus> from;
    private final ProjectStatus to;

    ProjectTransition(Set<ProjectStatus> from, ProjectStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(ProjectStatus status) {
        return from.contains(status);
    }

    public Set<ProjectStatus> from() {
        return from;
    }

    public ProjectStatus to() {
        return to;
    }

    /** Whether the person who submitted the project may not make this move (the four-eyes rule). */
    public boolean needsSomeoneElseThanSubmitter() {
        return this == APPROVE || this == REJECT;
    }
}
