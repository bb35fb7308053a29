package org.mingzhang.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The ledger's clock in tests: it runs, but from a fixed day of 2026, so that the worked examples (their gifts, windows
 * and payments all dated in 2026) stay in the ledger's current year whatever day the suite runs. A year that has
 * ended changes what the ledger allows (its money is spent only once the year is closed), so a test that meant 2026 as
 * "this year" would otherwise change meaning on 1 January 2027.
 */
public final class TestClock {

    /** Mid-July 2026, China Standard Time: months from either end of the year. */
    public static final Instant ANCHOR = Instant.parse("2026-07-15T02:00:00Z");

    private TestClock() {
    }

    /** A clock that reads {@link #ANCHOR} now and runs on from there. */
    public static Clock in2026() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), ANCHOR));
    }
}
