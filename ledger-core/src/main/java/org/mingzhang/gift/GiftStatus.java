package org.mingzhang.gift;

/**
 * A gift is received, or refunded in whole (given back, never deleted: its refunds are journal transactions of their
 * own). A gift refunded in part stays RECEIVED and says what was refunded.
 */
public enum GiftStatus {
    RECEIVED, REFUNDED
}
