package org.mingzhang.disclosure;

import java.time.Duration;
import java.time.Instant;
import org.mingzhang.project.ProjectStatus;

/**
 * When the public is told that a project has gone quiet (issue 13): a project IN_PROGRESS whose last sign of life (its
 * last paid disbursement, its last issued document, or the moment it last changed state, whichever is latest) lies more
 * than {@link #QUIET_DAYS} days before now. "Now" is the clock, not the books' latest date: a federation that stops
 * booking altogether is exactly the case a donor should see, and its books' latest date would never move on. The rule
 * is the same for every public answer (the project, the fund's project list and the trace).
 */
public final class StaleProjects {

    /** Ninety days: the disclosure rule asks for a report at least every three months (DOMAIN.md). */
    public static final int QUIET_DAYS = 90;

    private StaleProjects() {
    }

    /**
     * Whether a project in this status, last active at {@code lastActivity}, is shown as stale at {@code now}. Exactly
     * {@link #QUIET_DAYS} days of quiet is not yet stale.
     */
    public static boolean stale(ProjectStatus status, Instant lastActivity, Instant now) {
        if (status != ProjectStatus.IN_PROGRESS) {
            return false;
        }
        return Duration.between(lastActivity, now).compareTo(Duration.ofDays(QUIET_DAYS)) > 0;
    }
}
