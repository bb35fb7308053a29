package org.mingzhang.api.donations;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectStore;

/**
 * Project codes by id, for writing gifts as clients name them. A project's code never changes, so codes
 * are cached; an unknown id (a project created since) reloads the list once.
 */
@Singleton
final class ProjectCodes {

    private final ProjectStore projects;
    private final Map<Long, String> codes = new ConcurrentHashMap<>();

    ProjectCodes(ProjectStore projects) {
        this.projects = projects;
    }

    String code(long projectId) {
        String code = codes.get(projectId);
        if (code == null) {
            reload();
            code = codes.get(projectId);
        }
        if (code == null) {
            throw new IllegalStateException("a gift names project " + projectId + ", which does not exist");
        }
        return code;
    }

    Optional<Project> project(String code) {
        return projects.project(code);
    }

    private synchronized void reload() {
        for (Project p : projects.projects()) {
            codes.putIfAbsent(p.id(), p.code());
        }
    }
}
