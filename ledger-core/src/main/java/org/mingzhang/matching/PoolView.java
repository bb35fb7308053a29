package org.mingzhang.matching;

import java.util.Map;
import java.util.Set;

/**
 * A pool as its users see it. {@code settledFen} is what projects keep of their settled matches;
 * {@code reservedFen} the provisional matches of projects still raising money (not yet owed: first come,
 * first served at settlement); {@code availableFen} what the pool's own books still hold.
 */
public record PoolView(MatchingPool pool, long settledFen, long returnedFen, long reservedFen, long availableFen,
                       Map<String, Map<String, Set<AbuseSignal>>> signalsByProject) {
}
