package org.mingzhang.project;

/** A plan version to store: added when proposed (or approved as version 1), updated once when decided. */
public record PlanVersionSaved(PlanVersion version, boolean created) {
}
