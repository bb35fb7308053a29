package org.mingzhang.gift;

/** The record a new gift leaves for storage. */
public record GiftRecorded(Gift gift) {
}
