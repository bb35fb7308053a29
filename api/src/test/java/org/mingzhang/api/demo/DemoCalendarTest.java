package org.mingzhang.api.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The county's year on the real calendar: as written in December 2026, moved or squeezed otherwise, never reordered. */
class DemoCalendarTest {

    static DemoCalendar on(String chinaTime) {
        return new DemoCalendar(OffsetDateTime.parse(chinaTime).toInstant());
    }

    @Test
    @DisplayName("when loaded after the data's last event of 2026 then every date is as written")
    void asWritten() {
        DemoCalendar calendar = on("2026-12-02T12:00:00+08:00");
        assertTrue(calendar.asWritten());
        assertEquals("2026-03-15T10:00:00+08:00", calendar.at("2026-03-15T10:00"));
        assertEquals("2027-03-31T23:59:59+08:00", calendar.at("2027-03-31T23:59:59"));
    }

    @Test
    @DisplayName("when loaded in a later December then the dates move to that year")
    void laterYear() {
        DemoCalendar calendar = on("2028-12-20T09:00:00+08:00");
        assertEquals("2028-05-31T23:59:59+08:00", calendar.at("2026-05-31T23:59:59"));
    }

    @Test
    @DisplayName("when loaded before late November then the year's events fit into the days that have passed, in order")
    void squeezed() {
        DemoCalendar calendar = on("2027-03-01T12:00:00+08:00");
        assertFalse(calendar.asWritten());
        LocalDateTime now = LocalDateTime.parse("2027-03-01T12:00");
        LocalDateTime before = LocalDateTime.MIN;
        for (String t : new String[] {"2026-01-12T10:30", "2026-03-01T00:00", "2026-05-31T23:59:59", DemoCounty.LAST_GIFT,
            DemoCounty.LAST_EVENT, "2026-12-31T23:59:59", "2027-01-31T23:59:59"}) {
            LocalDateTime placed = calendar.place(LocalDateTime.parse(t));
            assertTrue(placed.isAfter(before), t + " -> " + placed);
            if (!LocalDateTime.parse(t).isAfter(LocalDateTime.parse(DemoCounty.LAST_EVENT))) {
                assertTrue(placed.isBefore(now), t + " -> " + placed);
                assertEquals(2027, placed.getYear(), t + " -> " + placed);
            }
            before = placed;
        }
    }
}
