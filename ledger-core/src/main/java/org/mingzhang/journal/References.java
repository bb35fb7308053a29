package org.mingzhang.journal;

/**
 * What a transaction refers to outside the journal (a gift, a disbursement, a matching pool, the project
 * whose money it moves); each may be null. A project's figures are the sum of the transactions that name it.
 */
public record References(String gift, String disbursement, String pool, String project) {
    public static final References NONE = new References(null, null, null, null);

    /** A pool's transaction that moves no project's money. */
    public static References pool(String poolCode) {
        return new References(null, null, poolCode, null);
    }
}
