package org.mingzhang.project;

import java.time.Instant;
import org.mingzhang.user.Actor;

/**
 * One version of a project's plan. Version 1 is the plan as the committee first approved it; a change
 * after approval is proposed as the next version and takes effect only when the committee approves it.
 * Every version is kept, decided or not.
 */
public record PlanVersion(long projectId, int versionNo, ProjectPlan plan, Status status, Actor proposedBy,
                          Instant proposedAt, String changeReason, Actor decidedBy, Instant decidedAt, String decisionReason) {

    public enum Status { PROPOSED, APPROVED, REJECTED }

    public PlanVersion decided(boolean approved, Actor by, Instant at, String reason) {
        return new PlanVersion(projectId, versionNo, plan, approved ? Status.APPROVED : Status.REJECTED, proposedBy, proposedAt,
                changeReason, by, at, reason);
    }
}
