package org.mingzhang.project;

import java.time.Instant;
import org.mingzhang.user.Actor;

/**
 * A community-fund project: its plan, the fund whose books carry its money, and where it stands.
 * Immutable snapshot; every change of state is also kept as a {@link ProjectEvent}.
 *
 * @param planVersion the version of the plan in force: 1 as first approved, one more per approved change
 * @param submittedBy who submitted it for approval (null until then): they may not approve it
 * @param closing what the closing report records (null until the project is completed)
 * @param needId the residents' need (居民点单) the project answers, or null
 */
public record Project(long id, String code, long fundId, ProjectPlan plan, int planVersion, ProjectStatus status,
                      Actor createdBy, Actor submittedBy, Closing closing, Long needId, Instant createdAt,
                      Instant updatedAt) {

    public Project moved(ProjectStatus next, Actor by, ProjectTransition transition, Instant at) {
        Actor submitter = transition == ProjectTransition.SUBMIT ? by : submittedBy;
        return new Project(id, code, fundId, plan, planVersion, next, createdBy, submitter, closing, needId, createdAt, at);
    }

    /** The draft rewritten, or the plan replaced by an approved new version. */
    public Project withPlan(ProjectPlan next, int version, Instant at) {
        return new Project(id, code, fundId, next, version, status, createdBy, submittedBy, closing, needId, createdAt, at);
    }

    public Project completed(Closing results, Instant at) {
        return new Project(id, code, fundId, plan, planVersion, ProjectStatus.COMPLETED, createdBy, submittedBy, results,
                needId, createdAt, at);
    }

    /** Whether the committee accepted it (结项验收): it is closed for good, and nothing posts to it any more. */
    public boolean acceptedForGood() {
        return status == ProjectStatus.ACCEPTED;
    }
}
