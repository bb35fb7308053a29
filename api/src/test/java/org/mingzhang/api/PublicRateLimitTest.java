package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The public project and fund answers share the per-address limit of every public call (RateLimits, here 4 a minute):
 * past it the answer is a 429 problem with Retry-After, whichever public path is asked.
 */
@MicronautTest
@DisplayName("Public answers: rate-limited per client address")
class PublicRateLimitTest extends ApiTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("mingzhang.rate-limits.public-per-minute", "4");
        return properties;
    }

    @Test
    @DisplayName("when an address asks for projects and funds past the limit then it gets 429 with Retry-After on each")
    void limited() {
        String fund = newFund();
        assertEquals(200, api().get("/api/v1/public/funds/" + fund).send().status());
        assertEquals(200, api().get("/api/v1/public/funds/" + fund).send().status());
        assertEquals(404, api().get("/api/v1/public/projects/NO-SUCH").send().status());
        assertEquals(404, api().get("/api/v1/public/projects/NO-SUCH").send().status());
        for (String path : List.of("/api/v1/public/funds/" + fund, "/api/v1/public/projects/NO-SUCH")) {
            ApiClient.Reply slowed = api().get(path).send();
            assertProblem(slowed, 429);
            assertEquals("too-many-requests", problemType(slowed));
            assertTrue(Long.parseLong(slowed.header("Retry-After")) >= 1, slowed::toString);
        }
        // The staff API is not counted against the public limit.
        assertEquals(200, api().get("/api/v1/funds/" + fund).as(ADMIN_TOKEN).send().status());
    }
}
