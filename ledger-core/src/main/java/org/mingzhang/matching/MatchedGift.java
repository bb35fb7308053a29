package org.mingzhang.matching;

import org.mingzhang.gift.Gift;

/**
 * A gift and its project's match right after it.
 *
 * @param match null when the gift names no project, or one that names no pool
 */
public record MatchedGift(Gift gift, ProjectMatch match) {
}
