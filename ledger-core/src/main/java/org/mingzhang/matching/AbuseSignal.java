package org.mingzhang.matching;

/**
 * A pattern in a project's gifts that a person should look at before trusting its match. A signal never
 * blocks or changes a match: it is shown in the explanation and on the pool, and people decide.
 */
public enum AbuseSignal {
    /** One donor gave many small gifts close together, which can dodge the per-donation cap or fake a crowd (刷单). */
    SPLIT_GIFTS,
    /** A gift counted by a settled match was refunded afterwards, so the match paid for money that left (套捐). */
    REFUNDED_AFTER_SETTLEMENT,
    /** The donor's name is the name of someone on the project's own team. */
    FROM_PROJECT_TEAM
}
