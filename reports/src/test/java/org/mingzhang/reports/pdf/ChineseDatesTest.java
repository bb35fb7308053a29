package org.mingzhang.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChineseDatesTest {

    @Test
    @DisplayName("when a date is written then it reads 2026年5月1日 without leading zeros")
    void date() {
        assertThat(ChineseDates.date(LocalDate.of(2026, 5, 1))).isEqualTo("2026年5月1日");
        assertThat(ChineseDates.date(LocalDate.of(2026, 12, 31))).isEqualTo("2026年12月31日");
    }

    @Test
    @DisplayName("when an instant is written then it is read on Beijing time, whatever the server's zone")
    void instant() {
        // 2026-04-30T18:30Z is already 1 May, 02:30 in Beijing.
        Instant t = Instant.parse("2026-04-30T18:30:00Z");
        assertThat(ChineseDates.date(t)).isEqualTo("2026年5月1日");
        assertThat(ChineseDates.dateTime(t)).isEqualTo("2026年5月1日 02:30");
        assertThat(ChineseDates.dateTime(Instant.parse("2026-05-01T02:05:59Z"))).isEqualTo("2026年5月1日 10:05");
    }
}
