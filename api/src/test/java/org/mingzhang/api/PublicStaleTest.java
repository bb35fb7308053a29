package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A project in progress with nothing paid, reported or changed for more than 90 days is shown as stale (issue 13). The
 * rule judges by the clock (StaleProjects says why), so this server's public clock runs 91 days ahead of the ledger's:
 * what was booked today is 91 days old to the public answers. A project still raising is never stale.
 */
@MicronautTest
@DisplayName("Public answers: a project quiet for 90 days")
class PublicStaleTest extends PublicTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("mingzhang.test.public-clock-ahead-days", "91");
        return properties;
    }

    /** The public answers' clock, this many days ahead of the real one. */
    @Factory
    @Requires(property = "mingzhang.test.public-clock-ahead-days")
    static class AheadClock {

        @Singleton
        @Replaces(Clock.class)
        Clock clock(@Value("${mingzhang.test.public-clock-ahead-days}") long days) {
            return Clock.offset(Clock.systemUTC(), Duration.ofDays(days));
        }
    }

    @Test
    @DisplayName("when 91 days pass after its last payment then the project and the fund's list say stale; a raising one is not")
    void quiet() {
        Seeded seeded = seed();
        JsonNode project = ok(api().get("/api/v1/public/projects/" + seeded.project()).send(), 200);
        assertEquals("IN_PROGRESS", project.get("status").asText());
        assertTrue(project.get("stale").asBoolean(), project::toString);
        JsonNode fund = ok(api().get("/api/v1/public/funds/" + seeded.fund()).send(), 200);
        assertTrue(fund.get("projects").get(0).get("stale").asBoolean(), fund::toString);

        String raising = raisingProject(seeded.fund());
        assertFalse(ok(api().get("/api/v1/public/projects/" + raising).send(), 200).get("stale").asBoolean(),
                "only a project in progress can be stale");
    }
}
