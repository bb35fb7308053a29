package org.mingzhang.project;

/** Where a community-fund project (项目) stands in its life, from plan to acceptance. */
public enum ProjectStatus {
    DRAFT, SUBMITTED, FUNDRAISING, IN_PROGRESS, COMPLETED, ACCEPTED, REJECTED, CANCELLED
}
