package org.mingzhang.project;

import java.time.Instant;
import org.mingzhang.user.Actor;

/**
 * A community-fund project: its plan, the fund whose books carry its money, and where it stands.
 * Immutable snapshot; every change of state is also kept as a {@link ProjectEvent}.
 *
 * @param submittedBy who submitted it for approval (null until then): they may not approve it
 */
public record Project(long id, String code, long fundId, ProjectPlan plan, ProjectStatus status, Actor createdBy,
                      Actor submittedBy, Instant createdAt, Instant updatedAt) {

    public Project moved(ProjectStatus next, Actor by, ProjectTransition transition, Instant at) {
        Actor submitter = transition == ProjectTransition.SUBMIT ? by : submittedBy;
        return new Project(id, code, fundId, plan, next, createdBy, submitter, createdAt, at);
    }
}
