package org.mingzhang.project;

/** The record a decided project command leaves for storage: the project as it now is, and its event. */
public record ProjectSaved(Project project, boolean created, ProjectEvent event) {
}
