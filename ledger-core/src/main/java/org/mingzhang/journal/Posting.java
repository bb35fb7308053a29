package org.mingzhang.journal;

/** One debit or credit line of a transaction as an accountant reads it: the legs summed per account. */
public record Posting(long fundId, long accountId, long debitFen, long creditFen) {
}
