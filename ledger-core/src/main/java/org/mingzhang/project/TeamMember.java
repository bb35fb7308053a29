package org.mingzhang.project;

/** One person of a project's execution team (执行团队) and their role. */
public record TeamMember(String name, String role) {

    public TeamMember {
        if (name == null || name.isBlank() || role == null || role.isBlank()) {
            throw new IllegalArgumentException("a team member has a name and a role");
        }
    }
}
