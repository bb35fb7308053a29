package org.mingzhang.journal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;

/**
 * The month of the books: a calendar month in China Standard Time ({@link FiscalYear#CHINA}, the zone the fiscal year
 * uses), written as the number {@code yyyymm} ({@code 202605}), so that months order as numbers do. Period balances are
 * kept per such month, and a balance as of an instant sums the whole months before its month.
 */
public final class AccountingMonth {

    private AccountingMonth() {
    }

    /** The month an instant falls in, as {@code yyyymm}. */
    public static int of(Instant at) {
        ZonedDateTime local = at.atZone(FiscalYear.CHINA);
        return Math.addExact(Math.multiplyExact(local.getYear(), 100), local.getMonthValue());
    }

    /** The first instant of the month {@code yyyymm}: midnight on its first day, China Standard Time. */
    public static Instant start(int yyyymm) {
        int month = Math.floorMod(yyyymm, 100);
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("not a month yyyymm: " + yyyymm);
        }
        return YearMonth.of(Math.floorDiv(yyyymm, 100), month).atDay(1).atStartOfDay(FiscalYear.CHINA).toInstant();
    }
}
