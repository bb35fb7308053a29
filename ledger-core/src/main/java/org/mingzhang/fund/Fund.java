package org.mingzhang.fund;

import java.time.Instant;

/**
 * A fund: its own set of books (独立核算) inside the federation's tree. Immutable snapshot.
 *
 * @param closedThrough postings dated at or before this instant are refused; {@code null} while no period is closed
 * @param mustNotGoNegative every account of the fund is guarded against going below zero
 */
public record Fund(long id, String code, String name, FundLevel level, Long parentId,
                   boolean mustNotGoNegative, Instant closedThrough, Instant createdAt) {

    public boolean isOpenAt(Instant occurredAt) {
        return closedThrough == null || occurredAt.isAfter(closedThrough);
    }

    public Fund withClosedThrough(Instant through) {
        return new Fund(id, code, name, level, parentId, mustNotGoNegative, through, createdAt);
    }
}
