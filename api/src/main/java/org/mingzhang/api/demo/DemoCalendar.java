package org.mingzhang.api.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Places the county's year on the real calendar. The data is written as the year 2026 ({@link DemoCounty#YEAR}),
 * in China Standard Time, so that it reads like a real year of books. The ledger refuses event times in the future,
 * and spends money of a year that has ended only after that year is closed (期末结转); so a load in a later year
 * moves every date to the current year, and a load before the data's last event (late November) squeezes the part
 * of the year up to that event into the days that have passed, keeping every date in its order. Loaded in December
 * 2026, every date is exactly as written.
 */
final class DemoCalendar {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** Event times end this long before the load starts, so that none of them is in the future by the time it is booked. */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final int yearShift;
    private final LocalDateTime yearStart;
    /** The data's last event time, moved to the current year. */
    private final LocalDateTime lastEvent;
    /** Where {@link #lastEvent} lands: itself, or earlier when the year has not got that far yet. */
    private final LocalDateTime lastEventPlaced;

    DemoCalendar(Instant now) {
        LocalDateTime today = LocalDateTime.ofInstant(now, CHINA).truncatedTo(ChronoUnit.SECONDS);
        this.yearShift = today.getYear() - DemoCounty.YEAR;
        this.yearStart = LocalDateTime.of(today.getYear(), 1, 1, 0, 0);
        this.lastEvent = LocalDateTime.parse(DemoCounty.LAST_EVENT).plusYears(yearShift);
        LocalDateTime latest = today.minus(MARGIN);
        this.lastEventPlaced = latest.isBefore(lastEvent) ? (latest.isAfter(yearStart) ? latest : yearStart) : lastEvent;
    }

    /** Whether the dates are the data's own (shifted by whole years at most), rather than squeezed. */
    boolean asWritten() {
        return lastEventPlaced.equals(lastEvent);
    }

    int year() {
        return yearStart.getYear();
    }

    /** A time of the data ({@code 2026-05-01T10:00}, China Standard Time) as the API takes it, with its offset. */
    String at(String dataTime) {
        return format(place(LocalDateTime.parse(dataTime)));
    }

    LocalDateTime place(LocalDateTime dataTime) {
        LocalDateTime shifted = dataTime.plusYears(yearShift);
        if (asWritten() || shifted.isAfter(lastEvent) || !shifted.isAfter(yearStart)) {
            // Times after the last event are windows' ends, later than now either way; their order is kept.
            return shifted;
        }
        long span = ChronoUnit.SECONDS.between(yearStart, lastEvent);
        long placedSpan = ChronoUnit.SECONDS.between(yearStart, lastEventPlaced);
        long offset = ChronoUnit.SECONDS.between(yearStart, shifted);
        return yearStart.plusSeconds(Math.round((double) offset * placedSpan / span));
    }

    static String format(LocalDateTime time) {
        return OffsetDateTime.of(time, CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
