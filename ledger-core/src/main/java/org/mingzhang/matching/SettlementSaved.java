package org.mingzhang.matching;

/** The record a settlement (or a later return of matched money) leaves for storage. */
public record SettlementSaved(Settlement settlement, boolean created) {
}
