package org.mingzhang.matching;

/**
 * When a pool's matches are settled: each project when its fundraising closes, first come first served
 * against the budget; or all projects together when the pool closes, scaled down in proportion when the
 * sum exceeds the budget.
 */
public enum SettlementMode {
    AT_PROJECT_CLOSE, PRO_RATA_AT_POOL_CLOSE
}
