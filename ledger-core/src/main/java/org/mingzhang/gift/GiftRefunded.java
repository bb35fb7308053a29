package org.mingzhang.gift;

/** The record a refund leaves for storage: the gift as it now is. */
public record GiftRefunded(Gift gift) {
}
