package org.mingzhang.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port that reads projects, their plan versions, disbursements and money from committed storage. */
public interface ProjectStore {

    /** Every project, for the writer's state. */
    List<Project> projects();

    Optional<Project> project(String code);

    Optional<Project> project(long id);

    /** The project's code, title, status and last change, from its own row alone (one indexed read). */
    default Optional<ProjectHeading> heading(long id) {
        return project(id).map(ProjectHeading::of);
    }

    /** Project id → the sequence number of its latest event, so that new events continue the count. */
    Map<Long, Integer> lastEventSeqs();

    /** The project's audit trail, oldest first. */
    List<ProjectEvent> events(long projectId);

    /** Every plan version of every project (for the writer's state), in project and version order. */
    List<PlanVersion> planVersions();

    /** The project's plan versions, oldest first. */
    List<PlanVersion> planVersions(long projectId);

    /** Every journal transaction that names a project, in journal order (for the writer's state). */
    List<ProjectEntry> projectEntries();

    /** The journal transactions that name this project, in journal order. */
    List<ProjectEntry> projectEntries(String projectCode);

    /** Every disbursement (for the writer's state), oldest first. */
    List<Disbursement> disbursements();

    /** The project's disbursements, oldest first. */
    List<Disbursement> disbursements(long projectId);

    Optional<Disbursement> disbursement(long id);

    /** What became of the project's leftover money, oldest first. */
    List<LeftoverDisposal> leftovers(long projectId);

    /** Every leftover decision (for the writer's state). */
    List<LeftoverDisposal> leftovers();

    /**
     * The project's money as the journal has it: the sum of every transaction that names the project.
     * Reads use it; the writer keeps the same sums in memory.
     */
    default ProjectMoney money(Project project) {
        // The journal first: a disbursement's row is committed before any transaction names it, so every
        // disbursement the entries name is already there when the disbursements are read after them.
        List<ProjectEntry> entries = projectEntries(project.code());
        return ProjectMoney.of(project, entries, disbursements(project.id()));
    }
}
