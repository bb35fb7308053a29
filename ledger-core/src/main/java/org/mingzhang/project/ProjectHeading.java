package org.mingzhang.project;

import java.time.Instant;

/**
 * What a page that only names a project needs of it, read from the project's own row: no plan's goals, budget or team.
 *
 * @param updatedAt the last change of the project's state or plan
 */
public record ProjectHeading(long id, String code, long fundId, String title, ProjectStatus status, Instant updatedAt) {

    public static ProjectHeading of(Project p) {
        return new ProjectHeading(p.id(), p.code(), p.fundId(), p.plan().title(), p.status(), p.updatedAt());
    }
}
