package org.mingzhang.gift;

/** The record a refund, or a payment of what a refund owed, leaves for storage: the gift as it now is, and the step. */
public record GiftRefunded(Gift gift, GiftRefund refund) {
}
