package org.mingzhang.journal;

import java.util.Map;
import java.util.Set;

/**
 * What storage already holds for a batch: transactions by idempotency key and by id, and which of the
 * requested ids have already been reversed.
 */
public record Prefetch(Map<String, Transaction> byKey, Map<Long, Transaction> byId, Set<Long> reversedIds) {
    public static final Prefetch EMPTY = new Prefetch(Map.of(), Map.of(), Set.of());
}
