package org.mingzhang.journal;

/**
 * Where a transaction stands in the two-phase flow. {@code POSTED} moves balances at once; {@code PENDING}
 * reserves money (it counts against the available balance only); {@code POST_PENDING} and
 * {@code VOID_PENDING} each resolve one pending transaction, once.
 */
public enum Phase {
    POSTED, PENDING, POST_PENDING, VOID_PENDING;

    /** Whether the transaction's legs count in posted balances. */
    public boolean movesPostedBalances() {
        return this == POSTED || this == POST_PENDING;
    }
}
