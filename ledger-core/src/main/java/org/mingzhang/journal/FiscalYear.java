package org.mingzhang.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The accounting year of the 民非 system: a calendar year in China Standard Time. Closing entries are dated at its
 * last microsecond, the precision storage keeps.
 */
public final class FiscalYear {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private FiscalYear() {
    }

    public static int of(Instant at) {
        return at.atZone(CHINA).getYear();
    }

    public static Instant start(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant();
    }

    /** The last instant storage can hold in the year: 23:59:59.999999 on 31 December, China Standard Time. */
    public static Instant end(int year) {
        return start(year + 1).minus(1, ChronoUnit.MICROS);
    }
}
