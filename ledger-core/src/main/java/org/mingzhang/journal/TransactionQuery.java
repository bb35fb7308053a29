package org.mingzhang.journal;

import java.time.Instant;

/**
 * A page of the journal: transactions with id greater than {@code afterId}, at most {@code limit}.
 * {@code fundId}, {@code from} and {@code to} are optional filters (null: no filter).
 */
public record TransactionQuery(Long fundId, Instant from, Instant to, long afterId, int limit) {

    /** The largest page a caller may ask for. */
    public static final int LIMIT_MAX = 500;

    public TransactionQuery {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be between 1 and " + LIMIT_MAX + ": " + limit);
        }
    }
}
