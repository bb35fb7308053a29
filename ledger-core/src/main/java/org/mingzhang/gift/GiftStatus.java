package org.mingzhang.gift;

/** A gift is received, or refunded (reversed in the journal, never deleted). */
public enum GiftStatus {
    RECEIVED, REFUNDED
}
