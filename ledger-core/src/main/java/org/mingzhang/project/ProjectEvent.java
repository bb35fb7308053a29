package org.mingzhang.project;

import java.time.Instant;
import org.mingzhang.user.Actor;

/** One change of a project's state: who, when, from what to what, and why. The audit trail reports show. */
public record ProjectEvent(long projectId, int seq, Instant at, Actor by, String action, ProjectStatus from,
                           ProjectStatus to, String reason) {

    /** What storage keeps of a reason or note. */
    public static final int REASON_LENGTH_MAX = 500;
}
