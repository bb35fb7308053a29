package org.mingzhang.register;

/** The record a decided goods register entry leaves for storage: a new entry; entries are never changed. */
public record GoodsEntrySaved(GoodsEntry entry) {
}
