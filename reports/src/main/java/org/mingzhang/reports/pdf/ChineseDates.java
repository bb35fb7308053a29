package org.mingzhang.reports.pdf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Dates as a Chinese committee document writes them, "2026年5月1日" and "2026年5月1日 10:05", with instants read on
 * Beijing time (Asia/Shanghai) whatever the server's zone.
 */
public final class ChineseDates {

    /** The zone the committee's dates are read in. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private ChineseDates() {
    }

    /** "2026年5月1日": no leading zeros, as written by hand. */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** The date of the instant in Beijing. */
    public static String date(Instant t) {
        return date(LocalDate.ofInstant(t, BEIJING));
    }

    /** "2026年5月1日 10:05": the Beijing date and the minute, on a 24-hour clock with two-digit hours and minutes. */
    public static String dateTime(Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, BEIJING);
        return date(local.toLocalDate()) + " " + String.format("%02d:%02d", local.getHour(), local.getMinute());
    }
}
