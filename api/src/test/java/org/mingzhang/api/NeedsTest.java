package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Residents' needs (居民点单) over HTTP: the residents' committee or the accountant records what residents
 * asked of their fund, lists the needs by fund and state a page at a time, and withdraws an open one with
 * a reason. Refusals (a wrong or missing field, an unknown fund or need, no token, the wrong role, a need
 * no longer open) are proven to answer the right problem and to write nothing: the fund lists the same
 * needs afterwards, and no need was stored after the last one.
 */
@MicronautTest
class NeedsTest extends ApiTestBase {

    static final String NEEDS = "/api/v1/needs";

    String accountant;
    String committee;
    String auditor;

    @BeforeAll
    void users() {
        accountant = userWith("ACCOUNTANT");
        committee = userWith("COMMITTEE");
        auditor = userWith("AUDITOR");
    }

    /** A need of twelve residents; a mutable map so that a case can break it. */
    static Map<String, Object> need(String fundCode, String title) {
        Map<String, Object> need = new LinkedHashMap<>();
        need.put("fundCode", fundCode);
        need.put("title", title);
        need.put("description", "北侧土路雨天泥泞，老人出行不便");
        need.put("raisedBy", "3号楼居民");
        need.put("supporters", 12);
        return need;
    }

    ApiClient.Reply record(String token, Map<String, Object> body) {
        return api().post(NEEDS).as(token).body(body).send();
    }

    /** A need recorded by the committee; returns its id. */
    long recorded(String fundCode, String title) {
        ApiClient.Reply reply = record(committee, need(fundCode, title));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().get("id").asLong();
    }

    ApiClient.Reply get(long id) {
        return api().get(NEEDS + "/" + id).as(auditor).send();
    }

    ApiClient.Reply withdraw(String token, long id, Map<String, Object> body) {
        ApiClient.Call call = api().post(NEEDS + "/" + id + "/withdraw").as(token);
        if (body != null) {
            call.body(body);
        }
        return call.send();
    }

    /** One page of the list, as an auditor reads it. */
    ApiClient.Reply list(String query) {
        ApiClient.Reply reply = api().get(NEEDS + query).as(auditor).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }

    static List<Long> ids(ApiClient.Reply page) {
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    String nameOf(String token) {
        ApiClient.Reply me = api().get("/api/v1/me").as(token).send();
        assertEquals(200, me.status(), me::toString);
        return me.text("name");
    }

    /** Nothing was stored after the need with this id, in any fund. */
    void assertNothingAfter(long lastId) {
        assertEquals(List.of(), ids(list("?cursor=" + lastId)), "a refused request stored a need");
    }

    @Nested
    @DisplayName("when the committee records a need then it is OPEN, answered by no project, and reads back as answered")
    class Record {
        @Test
        void recordOne() {
            String fund = newFund();
            ApiClient.Reply created = record(committee, need(fund, "北侧土路硬化"));
            assertEquals(201, created.status(), created::toString);
            long id = created.json().get("id").asLong();
            assertEquals(NEEDS + "/" + id, created.header("Location"));
            assertEquals(fund, created.text("fundCode"));
            assertEquals("北侧土路硬化", created.text("title"));
            assertEquals("北侧土路雨天泥泞，老人出行不便", created.text("description"));
            assertEquals("3号楼居民", created.text("raisedBy"));
            assertEquals(12, created.json().get("supporters").asInt());
            assertEquals("OPEN", created.text("status"));
            assertTrue(created.json().get("answeredByProjectCode").isNull(), created::toString);
            assertTrue(created.json().get("answeredAt").isNull(), created::toString);
            assertEquals(nameOf(committee), created.text("createdBy"));
            assertTrue(created.text("createdAt").endsWith("+08:00"), created::toString);
            assertEquals(created.json(), get(id).json(), "what the writer answered is what storage holds");
        }

        @Test
        @DisplayName("when supporters are left out then one resident asked; an accountant may record too")
        void supportersDefault() {
            Map<String, Object> body = need(newFund(), "路灯");
            body.remove("supporters");
            ApiClient.Reply created = record(accountant, body);
            assertEquals(201, created.status(), created::toString);
            assertEquals(1, created.json().get("supporters").asInt());
            assertEquals(nameOf(accountant), created.text("createdBy"));
        }
    }

    @Nested
    @DisplayName("when needs are listed then only those of the fund and state asked for come, in the order recorded, a page at a time")
    class Listing {
        @Test
        void byFundAndState() {
            String fund = newFund();
            long first = recorded(fund, "道路");
            long second = recorded(fund, "路灯");
            recorded(newFund(), "别处的需求");
            long third = recorded(fund, "健身器材");
            assertEquals(200, withdraw(committee, second, Map.of("reason", "居民已自行解决")).status());

            ApiClient.Reply all = list("?fundCode=" + fund);
            assertEquals(List.of(first, second, third), ids(all));
            assertTrue(all.json().get("nextCursor").isNull(), all::toString);
            assertEquals(List.of(first, third), ids(list("?fundCode=" + fund + "&status=OPEN")));
            assertEquals(List.of(second), ids(list("?fundCode=" + fund + "&status=WITHDRAWN")));
            assertEquals(List.of(), ids(list("?fundCode=" + fund + "&status=ANSWERED")));

            ApiClient.Reply page1 = list("?fundCode=" + fund + "&limit=2");
            assertEquals(List.of(first, second), ids(page1));
            assertEquals(String.valueOf(second), page1.text("nextCursor"));
            ApiClient.Reply page2 = list("?fundCode=" + fund + "&limit=2&cursor=" + page1.text("nextCursor"));
            assertEquals(List.of(third), ids(page2));
            assertTrue(page2.json().get("nextCursor").isNull(), page2::toString);
        }

        @Test
        @DisplayName("when the state, limit or cursor is not one the list knows then 400 naming it; an unknown fund 404")
        void badQuery() {
            ApiClient.Reply status = api().get(NEEDS + "?status=DONE").as(auditor).send();
            assertProblem(status, 400);
            assertEquals(List.of("status"), errorFields(status));
            assertTrue(errorMessage(status, "status").contains("DONE"), status::toString);
            assertEquals(List.of("limit"), errorFields(assertProblemReply(api().get(NEEDS + "?limit=0").as(auditor).send(), 400)));
            assertEquals(List.of("cursor"), errorFields(assertProblemReply(api().get(NEEDS + "?cursor=x").as(auditor).send(), 400)));
            ApiClient.Reply noFund = api().get(NEEDS + "?fundCode=" + unique("NOFUND")).as(auditor).send();
            assertProblem(noFund, 404);
            assertEquals("fund-must-exist", problemType(noFund));
        }
    }

    @Nested
    @DisplayName("when an open need is withdrawn with a reason then it is WITHDRAWN, saying who and why, and stays so")
    class Withdraw {
        @Test
        void withdrawOnce() {
            long id = recorded(newFund(), "道路");
            ApiClient.Reply withdrawn = withdraw(accountant, id, Map.of("reason", "居民已自行解决"));
            assertEquals(200, withdrawn.status(), withdrawn::toString);
            assertEquals("WITHDRAWN", withdrawn.text("status"));
            assertEquals(nameOf(accountant), withdrawn.text("withdrawnBy"));
            assertEquals("居民已自行解决", withdrawn.text("withdrawReason"));
            assertTrue(withdrawn.text("withdrawnAt").endsWith("+08:00"), withdrawn::toString);
            assertEquals(withdrawn.json(), get(id).json());

            ApiClient.Reply again = withdraw(committee, id, Map.of("reason", "再撤一次"));
            JsonNode problem = assertProblem(again, 409);
            assertEquals("need-must-be-open", problemType(again));
            assertTrue(problem.get("detail").asText().contains("WITHDRAWN"), again::toString);
            assertEquals(withdrawn.json(), get(id).json(), "a refused withdrawal changes nothing");
        }

        @Test
        @DisplayName("when the reason is missing, blank or too long then 400 naming reason, and the need stays OPEN")
        void reason() {
            long id = recorded(newFund(), "道路");
            ApiClient.Reply none = withdraw(committee, id, null);
            assertProblem(none, 400);
            assertEquals(List.of("reason"), errorFields(none));
            assertEquals(List.of("reason"), errorFields(assertProblemReply(
                    withdraw(committee, id, Map.of("reason", " ")), 400)));
            ApiClient.Reply tooLong = withdraw(committee, id, Map.of("reason", "因".repeat(401)));
            assertProblem(tooLong, 400);
            assertTrue(errorMessage(tooLong, "reason").contains("401"), tooLong::toString);
            assertEquals("OPEN", get(id).text("status"));
        }

        @Test
        @DisplayName("when the need does not exist then 404 to read or withdraw it; a path that is not an id is a 400")
        void unknown() {
            ApiClient.Reply read = get(999_999_999L);
            assertProblem(read, 404);
            assertEquals("need-must-exist", problemType(read));
            ApiClient.Reply withdrawn = withdraw(committee, 999_999_999L, Map.of("reason", "不存在"));
            assertProblem(withdrawn, 404);
            assertEquals("need-must-exist", problemType(withdrawn));
            assertProblem(api().get(NEEDS + "/abc").as(auditor).send(), 400);
        }
    }

    @Nested
    @DisplayName("when a need is refused then the answer names what is wrong and nothing is written")
    class Refusals {
        @Test
        @DisplayName("when the title has 201 characters then 400 naming title and its length; 200 are accepted")
        void title() {
            String fund = newFund();
            long last = recorded(fund, "道路");
            Map<String, Object> body = need(fund, "路".repeat(201));
            ApiClient.Reply reply = record(committee, body);
            assertProblem(reply, 400);
            assertEquals(List.of("title"), errorFields(reply));
            assertTrue(errorMessage(reply, "title").contains("201"), reply::toString);
            assertNothingAfter(last);
            body.put("title", "路".repeat(200));
            assertEquals(201, record(committee, body).status());
        }

        @Test
        @DisplayName("when many fields are wrong then every one is named at once, with the value where there is one")
        void many() {
            String fund = newFund();
            long last = recorded(fund, "道路");
            Map<String, Object> body = need(fund, "路灯");
            body.remove("fundCode");
            body.put("description", " ");
            body.put("raisedBy", "楼".repeat(201));
            body.put("supporters", 0);
            ApiClient.Reply reply = record(committee, body);
            assertProblem(reply, 400);
            assertEquals(List.of("fundCode", "description", "raisedBy", "supporters"), errorFields(reply));
            assertTrue(errorMessage(reply, "supporters").endsWith(": 0"), reply::toString);
            assertNothingAfter(last);
        }

        @Test
        @DisplayName("when supporters are too many, a fraction, text or a number too large for any count then 400 naming supporters")
        void supporters() {
            String fund = newFund();
            long last = recorded(fund, "道路");
            for (Object wrong : List.<Object>of(100_001, 1.5, "12", 12_345_678_901L, true)) {
                Map<String, Object> body = need(fund, "路灯");
                body.put("supporters", wrong);
                ApiClient.Reply reply = record(committee, body);
                assertProblem(reply, 400);
                assertEquals(List.of("supporters"), errorFields(reply), () -> wrong + " → " + reply);
            }
            Map<String, Object> body = need(fund, "路灯");
            body.put("supporters", 100_000);
            ApiClient.Reply most = record(committee, body);
            assertEquals(201, most.status(), most::toString);
            assertEquals(100_000, most.json().get("supporters").asInt());
            assertNothingAfter(most.json().get("id").asLong());
            assertEquals(last + 1, most.json().get("id").asLong(), "none of the refused needs took an id");
        }

        @Test
        @DisplayName("when a field is unknown or the body is not JSON then 400")
        void strictJson() {
            String fund = newFund();
            long last = recorded(fund, "道路");
            Map<String, Object> body = need(fund, "路灯");
            body.put("supporter", 3);
            ApiClient.Reply unknown = record(committee, body);
            assertProblem(unknown, 400);
            assertEquals(List.of("supporter"), errorFields(unknown));
            assertProblem(api().post(NEEDS).as(committee).body("{\"fundCode\":").send(), 400);
            assertNothingAfter(last);
        }

        @Test
        @DisplayName("when the fund does not exist then 422 naming fundCode")
        void unknownFund() {
            long last = recorded(newFund(), "道路");
            ApiClient.Reply reply = record(committee, need(unique("NOFUND"), "路灯"));
            assertProblem(reply, 422);
            assertEquals("fund-must-exist", problemType(reply));
            assertEquals(List.of("fundCode"), errorFields(reply));
            assertNothingAfter(last);
        }

        @Test
        @DisplayName("when there is no token then 401; when an auditor records or withdraws a need then 403")
        void auth() {
            String fund = newFund();
            long last = recorded(fund, "道路");
            ApiClient.Reply anonymous = api().post(NEEDS).body(need(fund, "路灯")).send();
            assertProblem(anonymous, 401);
            assertProblem(api().get(NEEDS).send(), 401);
            assertProblem(api().get(NEEDS + "/" + last).as("forged-" + key()).send(), 401);
            ApiClient.Reply byAuditor = record(auditor, need(fund, "路灯"));
            assertProblem(byAuditor, 403);
            assertEquals("forbidden", problemType(byAuditor));
            assertProblem(withdraw(auditor, last, Map.of("reason", "审计不能撤回")), 403);
            assertProblem(withdraw(null, last, Map.of("reason", "没有令牌")), 401);

            assertNothingAfter(last);
            assertEquals(List.of(last), ids(list("?fundCode=" + fund)));
            assertEquals("OPEN", get(last).text("status"));
        }
    }

    @Test
    @DisplayName("when a client fetches /openapi.yml then the need endpoints are in it")
    void openApi() {
        ApiClient.Reply reply = api().get("/openapi.yml").send();
        assertEquals(200, reply.status());
        for (String path : List.of("/api/v1/needs:", "/api/v1/needs/{id}:", "/api/v1/needs/{id}/withdraw:")) {
            assertTrue(reply.body().contains(path), () -> "the document lacks " + path);
        }
        assertTrue(reply.body().contains("recordNeed") && reply.body().contains("withdrawNeed"));
    }

    static ApiClient.Reply assertProblemReply(ApiClient.Reply reply, int status) {
        assertProblem(reply, status);
        return reply;
    }
}
