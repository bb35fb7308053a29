package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.api.auth.AuthFilter;
import org.slf4j.LoggerFactory;

/**
 * Issue 11, finding 9: a client that guesses tokens, or calls the public API as fast as it can, is slowed to the limits
 * named in configuration (here 3 failed authentications and 5 public calls a minute) with a 429 problem that says when
 * to come back; each failed authentication is logged, without the token.
 */
@MicronautTest
@DisplayName("Finding 9: rate limits on failed authentication and on the public API")
class RateLimitTest extends ApiTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("mingzhang.rate-limits.failed-auth-per-minute", "3");
        properties.put("mingzhang.rate-limits.public-per-minute", "5");
        return properties;
    }

    @Test
    void guessingTokensIsSlowedAndLoggedWithoutTheToken() {
        Logger log = (Logger) LoggerFactory.getLogger(AuthFilter.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            String valid = userWith("AUDITOR");
            assertEquals(200, api().get("/api/v1/funds").as(valid).send().status());
            for (int i = 0; i < 3; i++) {
                assertProblem(api().get("/api/v1/funds").as("guess-" + i + "-secret").send(), 401);
            }
            ApiClient.Reply slowed = api().get("/api/v1/funds").as("guess-3-secret").send();
            assertProblem(slowed, 429);
            assertTrue(Long.parseLong(slowed.header("Retry-After")) >= 1, slowed::toString);
            assertTrue(slowed.json().get("detail").asText().contains("failedAuthPerMinute"), slowed::toString);
            // Past the limit the token is not even looked at: a right guess would teach nothing.
            assertProblem(api().get("/api/v1/funds").as(valid).send(), 429);

            assertEquals(3, seen.list.stream().filter(e -> e.getFormattedMessage().startsWith("Failed authentication")).count(),
                    "each failed authentication is logged once");
            for (ILoggingEvent event : seen.list) {
                assertFalse(event.getFormattedMessage().contains("secret"), "the token is never logged: " + event);
            }
        } finally {
            log.detachAppender(seen);
        }
    }

    @Test
    void thePublicApiIsSlowedPerAddress() {
        for (int i = 0; i < 5; i++) {
            ApiClient.Reply reply = api().get("/api/v1/public/no-such-page").send();
            assertEquals(404, reply.status(), reply::toString);
        }
        ApiClient.Reply slowed = api().get("/api/v1/public/no-such-page").send();
        assertProblem(slowed, 429);
        assertTrue(Long.parseLong(slowed.header("Retry-After")) >= 1, slowed::toString);
        assertEquals("too-many-requests", problemType(slowed));
    }
}
