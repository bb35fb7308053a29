package org.mingzhang.journal;

/**
 * One account's month of the books (see {@link AccountingMonth}): the key of a period balance, the posted debits and
 * credits of the legs dated in that month.
 *
 * @param period the month as {@code yyyymm}
 */
public record AccountPeriod(long fundId, long accountId, int period) {
}
