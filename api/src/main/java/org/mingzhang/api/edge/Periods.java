package org.mingzhang.api.edge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accounting periods as people name them: a year ({@code 2026}), a month ({@code 2026-04}) or a
 * quarter ({@code 2026-Q2}), in China Standard Time.
 */
public final class Periods {

    public static final String FORMATS = "a year (2026), a month (2026-04) or a quarter (2026-Q2)";
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private Periods() {
    }

    /** The last instant of the period (one stored microsecond before the next period starts), or null after recording why not. */
    public static Instant lastInstant(String period, String field, Input input) {
        if (period == null) {
            input.fail(field, "is required: " + FORMATS);
            return null;
        }
        LocalDate next;
        Matcher m;
        if ((m = YEAR.matcher(period)).matches()) {
            next = LocalDate.of(Integer.parseInt(m.group(1)) + 1, 1, 1);
        } else if ((m = MONTH.matcher(period)).matches()) {
            next = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1).plusMonths(1);
        } else if ((m = QUARTER.matcher(period)).matches()) {
            next = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1).plusMonths(3);
        } else {
            input.fail(field, "must be " + FORMATS + ": " + period);
            return null;
        }
        return Times.inYears(next.atStartOfDay().toInstant(Times.CHINA).minus(1, Times.STORED_PRECISION), period, field, input);
    }
}
