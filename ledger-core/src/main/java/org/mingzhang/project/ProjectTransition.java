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
    /** The work is done and the closing results are recorded ({@link CompleteProject}). */
    COMPLETE(Set.of(ProjectStatus.IN_PROGRESS), ProjectStatus.COMPLETED),
    /** The committee accepts the finished project (结项验收): nothing posts to it afterwards. */
    ACCEPT(Set.of(ProjectStatus.COMPLETED), ProjectStatus.ACCEPTED),
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

    /** Whether the person who completed the project may not make this move (they may not accept their own work). */
    public boolean needsSomeoneElseThanCompleter() {
        return this == ACCEPT;
    }
}
