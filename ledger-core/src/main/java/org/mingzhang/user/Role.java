package org.mingzhang.user;

/** What a user may do. ADMIN may do whatever any role may; AUDITOR reads everything and writes nothing. */
public enum Role {
    ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR
}
