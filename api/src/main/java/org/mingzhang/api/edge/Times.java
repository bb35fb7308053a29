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
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
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
                return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(CHINA).minus(1, STORED_PRECISION) : start;
            } catch (DateTimeParseException e) {
                input.fail(field, "must be a date like 2026-05-01 or a time like " + EXAMPLE + ": " + text);
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            input.fail(field, "must be a date like 2026-05-01 or an ISO-8601 time with an offset, like "
                    + EXAMPLE + ": " + text);
            return null;
        }
    }
}
