package org.mingzhang.api.edge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times at the edge. Input is ISO-8601 with an offset (a time without one is ambiguous: whose ten
 * o'clock?); output is always in China Standard Time, the books' time zone. A bare date means that
 * day in China Standard Time.
 */
public final class Times {

    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    public static final String EXAMPLE = "2026-05-01T10:00:00+08:00";
    /** Storage keeps microseconds, so "the last instant" of a day or period is one microsecond before the next. */
    public static final ChronoUnit STORED_PRECISION = ChronoUnit.MICROS;

    /**
     * The years a time or date may fall in (China Standard Time). Wide enough for any record a charity keeps, its
     * oldest documents and its longest pledges, and narrow enough that every database and every sum of dates holds it:
     * year 0 or year 300,000 is a typing mistake, never a date in the books.
     */
    public static final int YEAR_MIN = 1900;
    public static final int YEAR_MAX = 2200;

    private Times() {
    }

    /** Now, at the precision the journal keeps. */
    public static Instant now() {
        return Instant.now().truncatedTo(STORED_PRECISION);
    }

    public static String format(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** An ISO-8601 time with an offset, or null after recording why not. */
    public static Instant parseTime(String text, String field, Input input) {
        if (text == null) {
            return null;
        }
        try {
            return inYears(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), text, field, input);
        } catch (DateTimeParseException e) {
            input.fail(field, "must be an ISO-8601 time with an offset, like " + EXAMPLE + ": " + text);
            return null;
        }
    }

    /**
     * A time with an offset, or a date ({@code 2026-05-01}) meaning its first instant ({@code endOfDay}
     * false) or its last ({@code endOfDay} true) in China Standard Time.
     */
    public static Instant parseTimeOrDate(String text, String field, boolean endOfDay, Input input) {
        if (text == null) {
            return null;
        }
        if (text.length() == 10) {
            try {
                LocalDate day = LocalDate.parse(text);
                Instant start = day.atStartOfDay().toInstant(CHINA);
                return inYears(endOfDay ? day.plusDays(1).atStartOfDay().toInstant(CHINA).minus(1, STORED_PRECISION) : start,
                        text, field, input);
            } catch (DateTimeParseException e) {
                input.fail(field, "must be a date like 2026-05-01 or a time like " + EXAMPLE + ": " + text);
                return null;
            }
        }
        try {
            return inYears(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), text, field, input);
        } catch (DateTimeParseException e) {
            input.fail(field, "must be a date like 2026-05-01 or an ISO-8601 time with an offset, like "
                    + EXAMPLE + ": " + text);
            return null;
        }
    }

    /** A date ({@code 2026-05-01}), or null after recording why not. */
    public static LocalDate parseDate(String text, String field, Input input) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            if (day.getYear() < YEAR_MIN || day.getYear() > YEAR_MAX) {
                input.fail(field, "must fall in the years " + YEAR_MIN + " to " + YEAR_MAX + ": " + text);
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            input.fail(field, "must be a date like 2026-05-01: " + text);
            return null;
        }
    }

    /** {@code at}, or null after recording that it falls outside {@link #YEAR_MIN} to {@link #YEAR_MAX}. */
    static Instant inYears(Instant at, String text, String field, Input input) {
        int year = OffsetDateTime.ofInstant(at, CHINA).getYear();
        if (year < YEAR_MIN || year > YEAR_MAX) {
            input.fail(field, "must fall in the years " + YEAR_MIN + " to " + YEAR_MAX + " (China Standard Time): " + text);
            return null;
        }
        return at;
    }
}
