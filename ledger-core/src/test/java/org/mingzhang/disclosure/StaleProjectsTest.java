package org.mingzhang.disclosure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.project.ProjectStatus;

/** The 90-day rule at its edge, and only for projects in progress (the API test sees it through the public answers). */
class StaleProjectsTest {

    static final Instant LAST = Instant.parse("2026-06-01T02:00:00Z");

    @Nested
    @DisplayName("when a project is in progress")
    class InProgress {

        @Test
        @DisplayName("then exactly 90 days of quiet is not yet stale, a microsecond more is")
        void edge() {
            Instant ninety = LAST.plus(Duration.ofDays(StaleProjects.QUIET_DAYS));
            assertFalse(StaleProjects.stale(ProjectStatus.IN_PROGRESS, LAST, ninety));
            assertTrue(StaleProjects.stale(ProjectStatus.IN_PROGRESS, LAST, ninety.plusNanos(1_000)));
            assertFalse(StaleProjects.stale(ProjectStatus.IN_PROGRESS, LAST, LAST), "active today");
        }
    }

    @Nested
    @DisplayName("when a project is in any other status")
    class Others {

        @Test
        @DisplayName("then it is never stale, however long it has been quiet")
        void never() {
            Instant years = LAST.plus(Duration.ofDays(3 * 365));
            for (ProjectStatus status : ProjectStatus.values()) {
                if (status != ProjectStatus.IN_PROGRESS) {
                    assertFalse(StaleProjects.stale(status, LAST, years), status.name());
                }
            }
        }
    }
}
