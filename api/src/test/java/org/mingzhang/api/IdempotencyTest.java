package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * One idempotency mechanism for every POST that creates or changes something: the caller's Idempotency-Key, kept
 * with the record the request made in the same database transaction. For a disbursement request, a residents' need,
 * a project (and its transitions), a matching pool, a goods register entry, a fund and a user, the scenarios prove over
 * HTTP that a retry with the same key and body answers the original status and record, marked
 * {@code Idempotent-Replayed: true}, and
 * writes nothing (the lists and the journal are counted before and after); that the same key with another body is a
 * 409 problem naming the header and writes nothing; and that another user's key of the same text is another key: it
 * never answers the first user's record. {@link IdempotencyPostgresTest} runs the same scenarios on PostgreSQL.
 */
@MicronautTest
class IdempotencyTest extends ApiTestBase {

    static final String REPLAYED = "Idempotent-Replayed";

    String accountant;
    String otherAccountant;
    String committee;
    String auditor;

    @BeforeAll
    void users() {
        accountant = userWith("ACCOUNTANT", "COMMITTEE");
        otherAccountant = userWith("ACCOUNTANT", "COMMITTEE");
        committee = userWith("COMMITTEE");
        auditor = userWith("AUDITOR");
    }

    ApiClient.Reply post(String token, String key, String path, Object body) {
        ApiClient.Call call = api().post(path).as(token);
        if (key != null) {
            call.key(key);
        }
        if (body != null) {
            call.body(body);
        }
        return call.send();
    }

    JsonNode read(String path) {
        ApiClient.Reply reply = api().get(path).as(auditor).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    static JsonNode ok(ApiClient.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        return reply.json();
    }

    /** A replay: the original status and record, marked as a replay. */
    @Test
    @DisplayName("when a request carries Idempotency-Key or Authorization twice then 400 names the header and nothing is written")
    void repeatedHeaders() {
        String fund = newFund();
        long before = journalSize();
        String first = key();
        String second = key();
        Map<String, Object> body = entry(fund, "donation", List.of(debit("1002", "5.00"), credit("410101", "5.00")));
        ApiClient.Reply twoKeys = api().post("/api/v1/ledger/transactions").as(accountant).key(first)
                .repeatHeader("Idempotency-Key", second).body(body).send();
        assertProblem(twoKeys, 400);
        assertEquals(List.of("Idempotency-Key"), errorFields(twoKeys), twoKeys::toString);
        ApiClient.Reply twoTokens = api().post("/api/v1/ledger/transactions").as(accountant).key(key())
                .repeatHeader("Authorization", "Bearer another-token").body(body).send();
        assertProblem(twoTokens, 400);
        assertEquals(List.of("Authorization"), errorFields(twoTokens), twoTokens::toString);
        assertEquals(before, journalSize(), "nothing was booked");
        // Neither key was kept: each books anew when sent alone.
        for (String k : List.of(first, second)) {
            ApiClient.Reply alone = api().post("/api/v1/ledger/transactions").as(accountant).key(k).body(body).send();
            assertEquals(201, alone.status(), alone::toString);
            assertEquals(null, alone.header(REPLAYED), alone::toString);
        }
        assertEquals(before + 2, journalSize());
    }

    @Test
    @DisplayName("when another user sends the same key and body to a money endpoint then they book their own, never "
            + "receive the first user's gift or entry (issue 11, finding 8)")
    void moneyKeysAreTheCallers() {
        String fund = newFund();
        String sharedKey = key();
        Map<String, Object> gift = new LinkedHashMap<>();
        gift.put("fundCode", fund);
        gift.put("amount", "8.00");
        gift.put("channel", "CASH");
        gift.put("receivedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusMinutes(1)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        gift.put("donor", Map.of("name", "赵六", "kind", "PERSON", "phone", "13900001111"));
        JsonNode mine = ok(post(accountant, sharedKey, "/api/v1/donations", gift), 201);
        ApiClient.Reply theirs = post(otherAccountant, sharedKey, "/api/v1/donations", gift);
        assertEquals(201, theirs.status(), theirs::toString);
        assertEquals(null, theirs.header(REPLAYED), "not a replay of another user's gift: " + theirs);
        assertNotEquals(mine.get("id"), theirs.json().get("id"), theirs::toString);
        assertNotEquals(mine.get("receiptNo"), theirs.json().get("receiptNo"), theirs::toString);
        // Each user's own retry is still a replay of their own.
        ApiClient.Reply myRetry = post(accountant, sharedKey, "/api/v1/donations", gift);
        assertEquals("true", myRetry.header(REPLAYED), myRetry::toString);
        assertEquals(mine.get("id"), myRetry.json().get("id"));

        Map<String, Object> entry = entry(fund, "shared key", List.of(debit("1002", "3.00"), credit("410101", "3.00")));
        JsonNode first = ok(post(accountant, sharedKey + "-e", "/api/v1/ledger/transactions", entry), 201);
        JsonNode second = ok(post(otherAccountant, sharedKey + "-e", "/api/v1/ledger/transactions", entry), 201);
        assertNotEquals(first.get("id"), second.get("id"));
    }

    static void assertReplay(ApiClient.Reply first, ApiClient.Reply again) {
        assertEquals(first.status(), again.status(), again::toString);
        assertEquals("true", again.header(REPLAYED), again::toString);
        assertEquals(first.header("Location"), again.header("Location"));
    }

    /** The key reused for another request: a 409 problem naming the header. */
    static void assertKeyReused(ApiClient.Reply reply) {
        assertProblem(reply, 409);
        assertEquals("idempotency-key-must-match-content", problemType(reply), reply::toString);
        assertEquals(List.of("Idempotency-Key"), errorFields(reply), reply::toString);
    }

    static Map<String, Object> need(String fundCode, String title) {
        Map<String, Object> need = new LinkedHashMap<>();
        need.put("fundCode", fundCode);
        need.put("title", title);
        need.put("description", "北侧土路雨天泥泞，老人出行不便");
        need.put("raisedBy", "3号楼居民");
        need.put("supporters", 12);
        return need;
    }

    List<Long> needIds(String fundCode) {
        List<Long> ids = new ArrayList<>();
        read("/api/v1/needs?fundCode=" + fundCode).get("items").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    List<String> projectCodes(String fundCode) {
        List<String> codes = new ArrayList<>();
        read("/api/v1/projects?fundCode=" + fundCode).get("items").forEach(p -> codes.add(p.get("code").asText()));
        return codes;
    }

    @Nested
    @DisplayName("when a residents' need is recorded with a key")
    class Needs {

        @Test
        @DisplayName("then a retry answers the same need and records none, another body is a 409 that records none, and "
                + "another user's same key records their own")
        void recordOnce() {
            String fund = newFund();
            String key = key();
            ApiClient.Reply first = post(accountant, key, "/api/v1/needs", need(fund, "北侧土路硬化"));
            JsonNode created = ok(first, 201);
            assertNull(first.header(REPLAYED));

            ApiClient.Reply again = post(accountant, key, "/api/v1/needs", need(fund, "北侧土路硬化"));

            assertReplay(first, again);
            assertEquals(created, again.json());
            assertEquals(List.of(created.get("id").asLong()), needIds(fund));

            ApiClient.Reply other = post(accountant, key, "/api/v1/needs", need(fund, "南侧路灯"));
            assertKeyReused(other);
            assertTrue(other.json().get("detail").asText().contains("need " + created.get("id").asLong()), other::toString);
            assertEquals(List.of(created.get("id").asLong()), needIds(fund));

            ApiClient.Reply theirs = post(otherAccountant, key, "/api/v1/needs", need(fund, "北侧土路硬化"));
            JsonNode own = ok(theirs, 201);
            assertNull(theirs.header(REPLAYED));
            assertNotEquals(created.get("id").asLong(), own.get("id").asLong());
            assertEquals(List.of(created.get("id").asLong(), own.get("id").asLong()), needIds(fund));
        }

        @Test
        @DisplayName("then without a key a retry records a second need, as before")
        void noKey() {
            String fund = newFund();
            ok(post(accountant, null, "/api/v1/needs", need(fund, "北侧土路硬化")), 201);
            ok(post(accountant, null, "/api/v1/needs", need(fund, "北侧土路硬化")), 201);
            assertEquals(2, needIds(fund).size());
        }

        @Test
        @DisplayName("then a withdrawal retried with its key answers the withdrawn need, and the key with another reason is a 409")
        void withdrawOnce() {
            String fund = newFund();
            long id = ok(post(accountant, null, "/api/v1/needs", need(fund, "北侧土路硬化")), 201).get("id").asLong();
            String key = key();
            ApiClient.Reply first = post(accountant, key, "/api/v1/needs/" + id + "/withdraw", Map.of("reason", "居民已自行解决"));
            assertEquals("WITHDRAWN", ok(first, 200).get("status").asText());

            ApiClient.Reply again = post(accountant, key, "/api/v1/needs/" + id + "/withdraw", Map.of("reason", "居民已自行解决"));
            assertReplay(first, again);
            assertEquals(first.json(), again.json());

            assertKeyReused(post(accountant, key, "/api/v1/needs/" + id + "/withdraw", Map.of("reason", "另一个理由")));
            // Without its key, the same withdrawal is a second request, refused by the need's state.
            assertProblem(post(accountant, null, "/api/v1/needs/" + id + "/withdraw", Map.of("reason", "居民已自行解决")), 409);
            assertEquals("居民已自行解决", read("/api/v1/needs/" + id).get("withdrawReason").asText());
        }

        @Test
        @DisplayName("then many copies of one request sent at once record one need, and every copy answers it")
        void concurrentCopies() throws Exception {
            String fund = newFund();
            String key = key();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<ApiClient.Reply>> replies = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    replies.add(pool.submit(() -> post(accountant, key, "/api/v1/needs", need(fund, "北侧土路硬化"))));
                }
                Set<Long> ids = new HashSet<>();
                int fresh = 0;
                for (Future<ApiClient.Reply> reply : replies) {
                    ApiClient.Reply r = reply.get();
                    ids.add(ok(r, 201).get("id").asLong());
                    fresh += r.header(REPLAYED) == null ? 1 : 0;
                }
                assertEquals(1, ids.size(), ids::toString);
                assertEquals(1, fresh, "one copy made the need, every other one is a replay");
                assertEquals(List.copyOf(ids), needIds(fund));
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        @DisplayName("then a key that is too long is a 400 naming the header, and nothing is recorded")
        void badKey() {
            String fund = newFund();
            ApiClient.Reply reply = post(accountant, "k".repeat(201), "/api/v1/needs", need(fund, "北侧土路硬化"));
            assertProblem(reply, 400);
            assertEquals(List.of("Idempotency-Key"), errorFields(reply));
            assertEquals(List.of(), needIds(fund));
        }
    }

    @Nested
    @DisplayName("when a project is written and moved with keys")
    class Projects {

        @Test
        @DisplayName("then a retry answers the same project and writes none, another body is a 409 that changes nothing, "
                + "and another user's same key never answers the first user's project")
        void createOnce() {
            String fund = newFund();
            String code = unique("P-");
            String key = key();
            ApiClient.Reply first = post(accountant, key, "/api/v1/projects", ProjectsTest.plan(fund, code));
            JsonNode created = ok(first, 201);

            ApiClient.Reply again = post(accountant, key, "/api/v1/projects", ProjectsTest.plan(fund, code));
            assertReplay(first, again);
            assertEquals(created, again.json());
            assertEquals(List.of(code), projectCodes(fund));

            Map<String, Object> retitled = new LinkedHashMap<>(ProjectsTest.plan(fund, code));
            retitled.put("title", "另一个标题");
            assertKeyReused(post(accountant, key, "/api/v1/projects", retitled));
            assertEquals(created.get("title").asText(), read("/api/v1/projects/" + code).get("title").asText());
            assertEquals(List.of(code), projectCodes(fund));

            // Another user's key of the same text is another key: the same body is a new request, refused because the
            // code is taken, and never answered with the first user's project.
            ApiClient.Reply theirs = post(otherAccountant, key, "/api/v1/projects", ProjectsTest.plan(fund, code));
            assertProblem(theirs, 409);
            assertEquals("project-code-must-be-unique", problemType(theirs), theirs::toString);
            assertNull(theirs.header(REPLAYED));
            String ownCode = unique("P-");
            ApiClient.Reply own = post(otherAccountant, key, "/api/v1/projects", ProjectsTest.plan(fund, ownCode));
            assertEquals(ownCode, ok(own, 201).get("code").asText());
            assertEquals(List.of(code, ownCode).stream().sorted().toList(), projectCodes(fund));
        }

        @Test
        @DisplayName("then a transition retried with its key answers the project as it now stands, and the trail has one entry")
        void transitionOnce() {
            String fund = newFund();
            String code = unique("P-");
            ok(post(accountant, null, "/api/v1/projects", ProjectsTest.plan(fund, code)), 201);
            String key = key();
            ApiClient.Reply first = post(accountant, key, "/api/v1/projects/" + code + "/submit", null);
            assertEquals("SUBMITTED", ok(first, 200).get("status").asText());
            int events = read("/api/v1/projects/" + code + "/events").get("items").size();

            ApiClient.Reply again = post(accountant, key, "/api/v1/projects/" + code + "/submit", null);
            assertReplay(first, again);
            assertEquals("SUBMITTED", again.json().get("status").asText());
            assertEquals(events, read("/api/v1/projects/" + code + "/events").get("items").size());

            // The same key on another path is another request.
            assertKeyReused(post(accountant, key, "/api/v1/projects/" + code + "/cancel", Map.of("reason", "不做了")));
            assertEquals("SUBMITTED", read("/api/v1/projects/" + code).get("status").asText());
        }
    }

    @Nested
    @DisplayName("when a disbursement is requested with a key")
    class Disbursements {

        /** A project of a new fund, raised 45,000.00 and running; returns its code. */
        String running(String fund) {
            String code = unique("P-");
            Map<String, Object> plan = ProjectLifecycleTest.plan(fund, code, "路灯");
            ok(post(accountant, null, "/api/v1/projects", plan), 201);
            ok(post(accountant, null, "/api/v1/projects/" + code + "/submit", null), 200);
            ok(post(committee, null, "/api/v1/projects/" + code + "/approve", null), 200);
            Map<String, Object> gift = DonationTestBase.gift(fund, "45000.00");
            gift.put("projectCode", code);
            ok(post(accountant, key(), "/api/v1/donations", gift), 201);
            ok(post(accountant, null, "/api/v1/projects/" + code + "/close-fundraising", null), 200);
            return code;
        }

        List<Long> disbursementIds(String code) {
            List<Long> ids = new ArrayList<>();
            read("/api/v1/projects/" + code + "/disbursements").get("items").forEach(d -> ids.add(d.get("id").asLong()));
            return ids;
        }

        Map<String, Object> request(String amount) {
            return Map.of("budgetItem", ProjectLifecycleTest.LAMPS, "amount", amount, "payee", "某建材公司", "purpose", "采购路灯");
        }

        @Test
        @DisplayName("then a retry answers the same PENDING request and records none, another body is a 409 that records "
                + "none, and another user's same key records their own")
        void requestOnce() {
            String code = running(newFund());
            String path = "/api/v1/projects/" + code + "/disbursements";
            String key = key();
            ApiClient.Reply first = post(accountant, key, path, request("1000.00"));
            JsonNode created = ok(first, 201);
            assertEquals("PENDING", created.get("status").asText());
            long journal = journalSize();

            ApiClient.Reply again = post(accountant, key, path, request("1000.00"));
            assertReplay(first, again);
            assertEquals(created, again.json());
            assertEquals(List.of(created.get("id").asLong()), disbursementIds(code));

            assertKeyReused(post(accountant, key, path, request("2000.00")));
            assertEquals(List.of(created.get("id").asLong()), disbursementIds(code));

            ApiClient.Reply theirs = post(otherAccountant, key, path, request("1000.00"));
            JsonNode own = ok(theirs, 201);
            assertNull(theirs.header(REPLAYED));
            assertNotEquals(created.get("id").asLong(), own.get("id").asLong());
            assertEquals(List.of(created.get("id").asLong(), own.get("id").asLong()), disbursementIds(code));
            assertEquals(journal, journalSize(), "a request books nothing");
        }

        @Test
        @DisplayName("then an approval retried with its key answers the approved disbursement and reserves the money once")
        void approveOnce() {
            String code = running(newFund());
            long id = ok(post(accountant, null, "/api/v1/projects/" + code + "/disbursements", request("1000.00")), 201)
                    .get("id").asLong();
            String key = key();
            ApiClient.Reply first = post(committee, key, "/api/v1/disbursements/" + id + "/approve", null);
            assertEquals("APPROVED", ok(first, 200).get("status").asText());
            long journal = journalSize();

            ApiClient.Reply again = post(committee, key, "/api/v1/disbursements/" + id + "/approve", null);

            assertReplay(first, again);
            assertEquals(first.json(), again.json());
            assertEquals(journal, journalSize(), "the reservation is made once");
            assertEquals("1000.00", read("/api/v1/projects/" + code).get("reserved").asText());
        }
    }

    @Nested
    @DisplayName("when a matching pool is opened with a key")
    class Pools {

        String sponsor(String amount) {
            String code = unique("S");
            ok(post(accountant, null, "/api/v1/funds", Map.of("code", code, "name", "种子基金 " + code, "level", "SEED")), 201);
            ok(donate(accountant, code, amount), 201);
            return code;
        }

        String cash(String fund) {
            return read("/api/v1/funds/" + fund).get("cash").asText();
        }

        @Test
        @DisplayName("then a retry answers the same pool and moves nothing, another body is a 409 that moves nothing, and "
                + "another user's same key is another key: never the first user's pool")
        void openOnce() {
            String sponsor = sponsor("20000.00");
            String code = unique("YG-");
            String key = key();
            // One body for the retries: the pool's window is worked out from the clock each time a body is made.
            Map<String, Object> body = MatchingPoolsTest.flatPool(code, sponsor);
            ApiClient.Reply first = post(accountant, key, "/api/v1/matching-pools", body);
            ok(first, 201);
            long journal = journalSize();

            ApiClient.Reply again = post(accountant, key, "/api/v1/matching-pools", body);
            assertReplay(first, again);
            assertEquals(first.json(), again.json());
            assertEquals(journal, journalSize());
            assertEquals("15000.00", cash(sponsor));

            String otherCode = unique("YG-");
            assertKeyReused(post(accountant, key, "/api/v1/matching-pools", MatchingPoolsTest.flatPool(otherCode, sponsor)));
            assertProblem(api().get("/api/v1/matching-pools/" + otherCode).as(auditor).send(), 404);
            assertEquals(journal, journalSize());

            ApiClient.Reply theirs = post(otherAccountant, key, "/api/v1/matching-pools", body);
            assertProblem(theirs, 409);
            assertEquals("pool-code-must-be-unique", problemType(theirs), theirs::toString);
            assertNull(theirs.header(REPLAYED));
            ApiClient.Reply own = post(otherAccountant, key, "/api/v1/matching-pools", MatchingPoolsTest.flatPool(otherCode, sponsor));
            assertEquals(otherCode, ok(own, 201).get("code").asText());
            assertEquals(journal + 1, journalSize(), "the other user's pool is funded once");
            assertEquals("10000.00", cash(sponsor));
        }
    }

    @Nested
    @DisplayName("when unvalued goods are written into the register with a key")
    class GoodsRegister {

        List<Long> entryIds(String fund) {
            List<Long> ids = new ArrayList<>();
            read("/api/v1/funds/" + fund + "/goods-register").get("items").forEach(e -> ids.add(e.get("id").asLong()));
            return ids;
        }

        @Test
        @DisplayName("then a retry answers the same entry, another body is a 409, and another user's same key writes their own")
        void recordOnce() {
            String fund = newFund();
            String path = "/api/v1/funds/" + fund + "/goods-register";
            String key = key();
            // One body for the retries: goods() dates the gift by the clock.
            Map<String, Object> body = GoodsRegisterTest.goods();
            ApiClient.Reply first = post(accountant, key, path, body);
            JsonNode created = ok(first, 201);

            ApiClient.Reply again = post(accountant, key, path, body);
            assertReplay(first, again);
            assertEquals(created, again.json());
            assertEquals(List.of(created.get("id").asLong()), entryIds(fund));

            Map<String, Object> more = new LinkedHashMap<>(body);
            more.put("quantity", 13);
            assertKeyReused(post(accountant, key, path, more));

            ApiClient.Reply theirs = post(otherAccountant, key, path, body);
            JsonNode own = ok(theirs, 201);
            assertNull(theirs.header(REPLAYED));
            assertEquals(List.of(created.get("id").asLong(), own.get("id").asLong()), entryIds(fund));
        }
    }

    @Nested
    @DisplayName("when a fund or a user is created with a key")
    class FundsAndUsers {

        @Test
        @DisplayName("then a retried fund answers the same fund, and the key with another body is a 409")
        void fundOnce() {
            String code = unique("F");
            String key = key();
            Map<String, Object> body = Map.of("code", code, "name", "测试基金 " + code, "level", "CITY");
            ApiClient.Reply first = post(accountant, key, "/api/v1/funds", body);
            ok(first, 201);
            ApiClient.Reply again = post(accountant, key, "/api/v1/funds", body);
            assertReplay(first, again);
            assertEquals(first.json(), again.json());
            assertKeyReused(post(accountant, key, "/api/v1/funds", Map.of("code", unique("F"), "name", "另一个", "level", "CITY")));
        }

        @Test
        @DisplayName("then a retried user answers the same user without showing the token again, and another body is a 409 "
                + "that creates nobody")
        void userOnce() {
            String key = key();
            Map<String, Object> body = Map.of("name", unique("user-"), "roles", List.of("AUDITOR"));
            ApiClient.Reply first = post(ADMIN_TOKEN, key, "/api/v1/users", body);
            JsonNode created = ok(first, 201);
            assertNotNull(created.get("token").textValue());

            ApiClient.Reply again = post(ADMIN_TOKEN, key, "/api/v1/users", body);
            assertReplay(first, again);
            assertEquals(created.get("id").asLong(), again.json().get("id").asLong());
            assertEquals(created.get("name"), again.json().get("name"));
            assertTrue(again.json().get("token").isNull(), again::toString);
            // The first token still works: the replay changed nothing.
            assertEquals(200, api().get("/api/v1/me").as(created.get("token").asText()).send().status());

            ApiClient.Reply other = post(ADMIN_TOKEN, key, "/api/v1/users", Map.of("name", unique("user-"), "roles",
                    List.of("AUDITOR")));
            assertKeyReused(other);
            ApiClient.Reply next = post(ADMIN_TOKEN, null, "/api/v1/users", body);
            assertEquals(created.get("id").asLong() + 1, ok(next, 201).get("id").asLong(), "the refusal created nobody");
        }
    }

    @Nested
    @DisplayName("when a client reads /openapi.yml")
    class OpenApi {

        @Test
        @DisplayName("then every POST under /api/v1 declares the Idempotency-Key header (a CSV import carries one per row)")
        @SuppressWarnings("unchecked")
        void everyPostDeclaresTheHeader() {
            ApiClient.Reply reply = api().get("/openapi.yml").send();
            assertEquals(200, reply.status(), reply::toString);
            Map<String, Object> document = new Yaml().load(reply.body());
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
            List<String> without = new ArrayList<>();
            int posts = 0;
            for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
                Map<String, Object> post = (Map<String, Object>) path.getValue().get("post");
                // The import's rows each carry their own key in its idempotencyKey column; a header would name nothing.
                if (post == null || !path.getKey().startsWith("/api/v1") || path.getKey().equals("/api/v1/donations/import")) {
                    continue;
                }
                posts++;
                List<Map<String, Object>> parameters = (List<Map<String, Object>>) post.getOrDefault("parameters", List.of());
                boolean declared = parameters.stream().anyMatch(p -> "Idempotency-Key".equals(p.get("name"))
                        && "header".equals(p.get("in")));
                if (!declared) {
                    without.add(path.getKey());
                }
            }
            assertTrue(posts > 20, "the document lists the POST endpoints: " + posts);
            assertEquals(List.of(), without, "POST endpoints without the Idempotency-Key header");
        }
    }
}
