package org.mingzhang.matching;

/** The record a pool command leaves for storage. */
public record PoolSaved(MatchingPool pool, boolean created) {
}
