package org.mingzhang.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port that reads projects from committed storage. */
public interface ProjectStore {

    /** Every project, for the writer's state. */
    List<Project> projects();

    Optional<Project> project(String code);

    /** Project id → the sequence number of its latest event, so that new events continue the count. */
    Map<Long, Integer> lastEventSeqs();

    /** The project's audit trail, oldest first. */
    List<ProjectEvent> events(long projectId);
}
