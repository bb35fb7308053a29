package org.mingzhang.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port to the project-money projection: each project's {@link ProjectMoney} as the writer last saved it, in the
 * transaction of the bookings it follows. The writer starts from it; reads answer a project's figures from it.
 */
public interface ProjectSheets {

    /** The projection's name and version in {@code projection_built}; a new version is built afresh at start. */
    String NAME = "project_sheet";
    int VERSION = 1;

    /** Every project's saved money, for the writer's start. */
    Map<Long, ProjectMoney.State> states();

    Optional<ProjectMoney.State> state(long projectId);

    /** The project's money as committed: nothing booked for it yet is no money. */
    default ProjectMoney money(long projectId) {
        return state(projectId).map(ProjectMoney::of).orElseGet(ProjectMoney::new);
    }

    boolean sheetsBuilt();

    /** Replaces the whole projection with these rows and marks it built, in one transaction. */
    void rebuildSheets(List<ProjectSheetSaved> rows);
}
