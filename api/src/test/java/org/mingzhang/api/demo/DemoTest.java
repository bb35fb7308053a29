package org.mingzhang.api.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The worked county of {@code --demo}, loaded through the API into a fresh in-memory database: every fund, the pool
 * and the staff exist, a project stands at every stage, a few hundred gifts cover every channel and kind of donor,
 * money moved as the story says, the journal verifies, and a second load into the same books loads nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTest implements TestPropertyProvider {

    static final String ADMIN_TOKEN = "demo-test-admin-token-" + UUID.randomUUID();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "mingzhang.db.url", "jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "mingzhang.db.user", "sa",
                "mingzhang.admin-token", ADMIN_TOKEN);
    }

    /** Every item of a list endpoint, following the cursor. */
    static List<JsonNode> all(DemoClient api, String path) {
        return all(api, ADMIN_TOKEN, path);
    }

    /** Every item of a list endpoint as the holder of this token reads it, following the cursor. */
    static List<JsonNode> all(DemoClient api, String token, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(token, path + (path.contains("?") ? "&" : "?") + "limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    @Test
    @DisplayName("when --demo loads into fresh books then the whole county is there, every project stage and gift kind "
            + "included, the journal verifies, and a second load loads nothing")
    void loadsTheCounty() {
        URI base = URI.create("http://127.0.0.1:" + server.getPort());
        DemoLoader loader = new DemoLoader(base, ADMIN_TOKEN, Instant.now());
        assertTrue(loader.load(), "fresh books load");
        DemoClient api = new DemoClient(base);

        List<String> funds = all(api, "/api/v1/funds").stream().map(f -> f.get("code").asText()).toList();
        assertTrue(funds.containsAll(DemoCounty.FUNDS.stream().map(DemoCounty.Fund::code).toList()), funds::toString);
        JsonNode pool = api.get(ADMIN_TOKEN, "/api/v1/matching-pools/" + DemoCounty.POOL_CODE);
        assertEquals("150000.00", pool.get("budget").asText());
        assertNotEquals("0.00", pool.get("settled").asText(), pool::toString);

        Set<String> roles = new HashSet<>();
        for (String token : loader.tokens()) {
            api.get(token, "/api/v1/me").get("roles").forEach(r -> roles.add(r.asText()));
        }
        assertEquals(5, loader.tokens().size());
        assertEquals(Set.of("ADMIN", "ACCOUNTANT", "COMMITTEE"), roles);

        for (String status : List.of("DRAFT", "SUBMITTED", "FUNDRAISING", "IN_PROGRESS", "COMPLETED", "ACCEPTED", "REJECTED")) {
            assertFalse(all(api, "/api/v1/projects?status=" + status).isEmpty(), "a project " + status);
        }

        List<JsonNode> gifts = all(api, "/api/v1/donations");
        assertTrue(gifts.size() >= 300, "gifts: " + gifts.size());
        Set<String> channels = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        gifts.forEach(g -> {
            channels.add(g.get("channel").asText());
            kinds.add(g.get("donor").get("kind").asText());
        });
        assertEquals(Set.of("BANK_TRANSFER", "CASH", "WECHAT_PAY", "ALIPAY", "CHARITY_SALE", "IN_KIND"), channels);
        assertEquals(Set.of("PERSON", "ENTERPRISE", "ORGANIZATION"), kinds);

        List<String> running = all(api, "/api/v1/projects/FYSQ-2026-002/disbursements").stream()
                .map(d -> d.get("status").asText()).toList();
        assertTrue(running.stream().filter("PAID"::equals).count() >= 2, running::toString);
        assertTrue(running.contains("PENDING") && running.contains("REJECTED"), running::toString);

        JsonNode accepted = api.get(ADMIN_TOKEN, "/api/v1/projects/FYSQ-2026-001");
        assertEquals("ACCEPTED", accepted.get("status").asText());
        assertNotEquals("0.00", accepted.get("matched").asText(), accepted::toString);
        assertEquals("0.00", accepted.get("available").asText(), accepted::toString);

        JsonNode verify = api.get(ADMIN_TOKEN, "/api/v1/ledger/verify");
        assertTrue(verify.get("ok").asBoolean(), verify::toString);

        long journal = verify.get("transactions").asLong();
        assertFalse(new DemoLoader(base, ADMIN_TOKEN, Instant.now()).load(), "books that hold funds are left alone");
        assertEquals(funds.size(), all(api, "/api/v1/funds").size());
        assertEquals(journal, api.get(ADMIN_TOKEN, "/api/v1/ledger/verify").get("transactions").asLong());
    }

    @Test
    @DisplayName("when the service refuses a demo request then the refusal names the request, the status and the problem")
    void refusalSaysWhat() {
        URI base = URI.create("http://127.0.0.1:" + server.getPort());
        DemoRefusal refused = assertThrows(DemoRefusal.class, () -> new DemoLoader(base, "not-the-admin-token", Instant.now()).load());
        assertTrue(refused.getMessage().startsWith("GET /api/v1/funds?limit=1 answered 401: {"), refused::getMessage);
        assertEquals(0, refused.getStackTrace().length, "an expected refusal carries no stack trace to print");
    }
}
