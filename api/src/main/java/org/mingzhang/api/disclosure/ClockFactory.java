package org.mingzhang.api.disclosure;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock the public answers judge "now" by (a project quiet for 90 days, {@code StaleProjects}). A bean, so that a
 * test can put it months ahead and see a project go stale without waiting; the ledger keeps its own clock.
 */
@Factory
public final class ClockFactory {

    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
