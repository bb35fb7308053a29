package org.mingzhang.journal;

/** What a transaction refers to outside the journal (a gift, a disbursement, a matching pool); each may be null. */
public record References(String gift, String disbursement, String pool) {
    public static final References NONE = new References(null, null, null);
}
