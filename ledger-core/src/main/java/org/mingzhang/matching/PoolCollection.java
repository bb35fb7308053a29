package org.mingzhang.matching;

import org.mingzhang.project.Project;

/**
 * What a pool collected from a project's fund: {@code amountFen}, booked by {@code transactionId}; {@code stillOwedFen}
 * is what the fund owes the pool for the project's match afterwards.
 */
public record PoolCollection(MatchingPool pool, Project project, long amountFen, long stillOwedFen, long transactionId) {
}
