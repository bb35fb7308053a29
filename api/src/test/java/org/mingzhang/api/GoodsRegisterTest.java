package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The memorandum register of unvalued goods (备查簿) over HTTP: the accountant writes down goods given in kind that cannot
 * be valued reliably, and what is handed out of them; staff read the register a page at a time, each entry with its
 * issues and what is left. Proves that nothing of it reaches the books (the journal and the fund's trial balance are
 * the same before and after), that handing out more than is left is a 422 naming quantity and what is left, that a
 * retry with the same Idempotency-Key answers the same and another body with it is a 409, and that every bad input
 * (text, count, time, code, key, page) is a 400 naming the field and the value, never a 5xx, with nothing written.
 */
@MicronautTest
class GoodsRegisterTest extends ApiTestBase {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    static final String WHY = "旧衣物无活跃市场，无发票，无法可靠计量其公允价值";

    String accountant;
    String committee;
    String auditor;

    @BeforeAll
    void users() {
        accountant = userWith("ACCOUNTANT");
        committee = userWith("COMMITTEE");
        auditor = userWith("AUDITOR");
    }

    static String register(String fund) {
        return "/api/v1/funds/" + fund + "/goods-register";
    }

    static String daysAgo(int days) {
        return OffsetDateTime.now(CHINA).minusDays(days).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Twelve bags of old clothes that arrived two days ago; a mutable map so that a case can break it. */
    static Map<String, Object> goods() {
        Map<String, Object> goods = new LinkedHashMap<>();
        goods.put("description", "旧衣物（冬装，成色不一）");
        goods.put("quantity", 12);
        goods.put("unit", "袋");
        goods.put("donor", "3号楼居民 刘阿姨");
        goods.put("whyNotValued", WHY);
        goods.put("occurredAt", daysAgo(2));
        goods.put("note", "存放于社区仓库 2 号架");
        return goods;
    }

    static Map<String, Object> issue(long quantity) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("quantity", quantity);
        issue.put("recipient", "5号楼困难家庭 王某");
        issue.put("occurredAt", daysAgo(1));
        return issue;
    }

    ApiClient.Reply record(String token, String fund, String key, Object body) {
        ApiClient.Call call = api().post(register(fund)).as(token).body(body);
        if (key != null) {
            call.key(key);
        }
        return call.send();
    }

    ApiClient.Reply handOut(String token, String fund, long entryId, String key, Object body) {
        ApiClient.Call call = api().post(register(fund) + "/" + entryId + "/issue").as(token).body(body);
        if (key != null) {
            call.key(key);
        }
        return call.send();
    }

    /** Goods the accountant wrote down; returns the entry's id. */
    long recorded(String fund) {
        ApiClient.Reply reply = record(accountant, fund, key(), goods());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().get("id").asLong();
    }

    ApiClient.Reply entry(String fund, long id) {
        return api().get(register(fund) + "/" + id).as(auditor).send();
    }

    ApiClient.Reply list(String fund, String query) {
        ApiClient.Reply reply = api().get(register(fund) + query).as(auditor).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }

    static List<Long> ids(ApiClient.Reply page) {
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    /** The fund's trial balance now, without the moment it was read. */
    JsonNode trialBalance(String fund) {
        ApiClient.Reply reply = api().get("/api/v1/ledger/funds/" + fund + "/trial-balance").as(auditor).send();
        assertEquals(200, reply.status(), reply::toString);
        ((ObjectNode) reply.json()).remove("asOf");
        return reply.json();
    }

    /** The register of the fund as an auditor reads it, to compare before and after a refusal. */
    JsonNode whole(String fund) {
        return list(fund, "").json();
    }

    /** A DRAFT project of the fund; returns its code. */
    String project(String fund) {
        String code = unique("P-");
        ApiClient.Reply created = api().post("/api/v1/projects").as(accountant).body(ProjectsTest.plan(fund, code)).send();
        assertEquals(201, created.status(), created::toString);
        return code;
    }

    @Nested
    @DisplayName("when the accountant writes down goods that cannot be valued then the register holds them and the books do not")
    class Record {

        @Test
        void recordOne() {
            String fund = newFund();
            assertEquals(201, donate(accountant, fund, "800.00").status());
            JsonNode before = trialBalance(fund);
            long journal = journalSize();

            Map<String, Object> body = goods();
            ApiClient.Reply created = record(accountant, fund, key(), body);
            assertEquals(201, created.status(), created::toString);
            long id = created.json().get("id").asLong();
            assertEquals(register(fund) + "/" + id, created.header("Location"));
            assertEquals(fund, created.text("fundCode"));
            assertTrue(created.json().get("projectCode").isNull(), created::toString);
            assertEquals("旧衣物（冬装，成色不一）", created.text("description"));
            assertEquals(12, created.json().get("quantity").asLong());
            assertEquals("袋", created.text("unit"));
            assertEquals("3号楼居民 刘阿姨", created.text("donor"));
            assertEquals(WHY, created.text("whyNotValued"));
            assertEquals(OffsetDateTime.parse((String) body.get("occurredAt")).toInstant(),
                    OffsetDateTime.parse(created.text("occurredAt")).toInstant());
            assertTrue(created.text("occurredAt").endsWith("+08:00"), created::toString);
            assertEquals("存放于社区仓库 2 号架", created.text("note"));
            assertTrue(created.text("recordedBy").startsWith("#"), created::toString);
            assertEquals(0, created.json().get("issuedQuantity").asLong());
            assertEquals(12, created.json().get("remainingQuantity").asLong());
            assertEquals(0, created.json().get("issues").size());
            assertNull(created.header("Idempotent-Replayed"));
            assertEquals(created.json(), entry(fund, id).json(), "what the writer answered is what storage holds");

            assertEquals(journal, journalSize(), "the register books nothing");
            assertEquals(before, trialBalance(fund), "the fund's trial balance is untouched");
            assertEquals("0.00", balance(fund, "1201"), "the goods are not inventory");
        }

        @Test
        @DisplayName("when the goods are for a project of the fund then the entry names it; another fund's project is a 422")
        void project() {
            String fund = newFund();
            String mine = GoodsRegisterTest.this.project(fund);
            Map<String, Object> body = goods();
            body.put("projectCode", mine);
            ApiClient.Reply created = record(accountant, fund, key(), body);
            assertEquals(201, created.status(), created::toString);
            assertEquals(mine, created.text("projectCode"));

            JsonNode register = whole(fund);
            String theirs = GoodsRegisterTest.this.project(newFund());
            body.put("projectCode", theirs);
            ApiClient.Reply refused = record(accountant, fund, key(), body);
            JsonNode problem = assertProblem(refused, 422);
            assertEquals("goods-project-must-belong-to-fund", problemType(refused));
            assertEquals(List.of("projectCode"), errorFields(refused));
            assertTrue(problem.get("detail").asText().contains(theirs), refused::toString);
            body.put("projectCode", unique("NOPROJECT"));
            ApiClient.Reply unknown = record(accountant, fund, key(), body);
            assertProblem(unknown, 422);
            assertEquals("project-must-exist", problemType(unknown));
            assertEquals(List.of("projectCode"), errorFields(unknown));
            assertEquals(register, whole(fund), "a refusal writes nothing");
        }

        @Test
        @DisplayName("when there is no time or note then it is dated now and has no note")
        void defaults() {
            String fund = newFund();
            Map<String, Object> body = goods();
            body.remove("occurredAt");
            body.put("note", "  ");
            ApiClient.Reply created = record(accountant, fund, key(), body);
            assertEquals(201, created.status(), created::toString);
            assertEquals(created.text("recordedAt"), created.text("occurredAt"));
            assertTrue(created.json().get("note").isNull(), created::toString);
        }
    }

    @Nested
    @DisplayName("when goods are handed out then the entry lists each issue and what is left, and never gives out more")
    class Issue {

        @Test
        void drawDown() {
            String fund = newFund();
            long id = recorded(fund);
            long journal = journalSize();
            JsonNode before = trialBalance(fund);

            ApiClient.Reply first = handOut(accountant, fund, id, key(), issue(5));
            assertEquals(201, first.status(), first::toString);
            assertEquals(register(fund) + "/" + id, first.header("Location"));
            assertEquals(id, first.json().get("inEntryId").asLong());
            assertEquals(5, first.json().get("quantity").asLong());
            assertEquals("袋", first.text("unit"));
            assertEquals("旧衣物（冬装，成色不一）", first.text("description"));
            assertEquals("5号楼困难家庭 王某", first.text("recipient"));
            assertEquals(7, first.json().get("remainingAfter").asLong());

            ApiClient.Reply over = handOut(accountant, fund, id, key(), issue(8));
            JsonNode problem = assertProblem(over, 422);
            assertEquals("goods-issue-must-not-exceed-remaining", problemType(over));
            assertEquals(List.of("quantity"), errorFields(over));
            assertTrue(problem.get("detail").asText().contains("7 袋 left"), over::toString);

            ApiClient.Reply rest = handOut(accountant, fund, id, key(), issue(7));
            assertEquals(201, rest.status(), rest::toString);
            assertEquals(0, rest.json().get("remainingAfter").asLong());

            JsonNode lot = entry(fund, id).json();
            assertEquals(12, lot.get("issuedQuantity").asLong());
            assertEquals(0, lot.get("remainingQuantity").asLong());
            assertEquals(2, lot.get("issues").size());
            assertEquals(first.json(), lot.get("issues").get(0), "an issue reads back as it was answered");
            assertEquals(rest.json(), lot.get("issues").get(1));
            assertEquals(journal, journalSize(), "handing out books nothing");
            assertEquals(before, trialBalance(fund));
        }

        @Test
        @DisplayName("when the entry is unknown, another fund's, or an issue then 404, 404 and 422; an unknown fund is a 404")
        void wrongEntry() {
            String fund = newFund();
            long id = recorded(fund);
            long elsewhere = recorded(newFund());
            ApiClient.Reply out = handOut(accountant, fund, id, key(), issue(2));
            assertEquals(201, out.status(), out::toString);
            JsonNode register = whole(fund);

            ApiClient.Reply unknown = handOut(accountant, fund, 999_999_999L, key(), issue(1));
            assertProblem(unknown, 404);
            assertEquals("goods-entry-must-exist", problemType(unknown));
            ApiClient.Reply foreign = handOut(accountant, fund, elsewhere, key(), issue(1));
            assertProblem(foreign, 404);
            assertEquals("goods-entry-must-exist", problemType(foreign));
            ApiClient.Reply ofAnIssue = handOut(accountant, fund, out.json().get("id").asLong(), key(), issue(1));
            assertProblem(ofAnIssue, 422);
            assertEquals("goods-issue-must-draw-on-an-in-entry", problemType(ofAnIssue));
            ApiClient.Reply noFund = handOut(accountant, unique("NOFUND"), id, key(), issue(1));
            assertProblem(noFund, 404);
            assertEquals("fund-must-exist", problemType(noFund));
            assertProblem(record(accountant, unique("NOFUND"), key(), goods()), 404);
            assertProblem(entry(fund, elsewhere), 404);
            assertProblem(entry(fund, out.json().get("id").asLong()), 404);
            assertProblem(api().get(register(unique("NOFUND"))).as(auditor).send(), 404);
            assertEquals(register, whole(fund));
        }

        @Test
        @DisplayName("when the time is in the future or before the goods came then 422 naming occurredAt")
        void dates() {
            String fund = newFund();
            long id = recorded(fund);
            Map<String, Object> body = issue(1);
            body.put("occurredAt", OffsetDateTime.now(CHINA).plusDays(3).truncatedTo(ChronoUnit.SECONDS).toString());
            ApiClient.Reply future = handOut(accountant, fund, id, key(), body);
            assertProblem(future, 422);
            assertEquals("goods-entry-must-not-be-dated-in-the-future", problemType(future));
            assertEquals(List.of("occurredAt"), errorFields(future));
            body.put("occurredAt", daysAgo(10));
            ApiClient.Reply early = handOut(accountant, fund, id, key(), body);
            assertProblem(early, 422);
            assertEquals("goods-issue-must-not-precede-receipt", problemType(early));
            assertEquals(12, entry(fund, id).json().get("remainingQuantity").asLong());
        }
    }

    @Nested
    @DisplayName("when a request is sent again with its Idempotency-Key then it answers the same; another body with it is a 409")
    class Idempotency {

        @Test
        void replayAndReuse() {
            String fund = newFund();
            String recordKey = key();
            Map<String, Object> body = goods();
            ApiClient.Reply created = record(accountant, fund, recordKey, body);
            assertEquals(201, created.status(), created::toString);
            ApiClient.Reply createdAgain = record(accountant, fund, recordKey, body);
            assertEquals(201, createdAgain.status(), createdAgain::toString);
            assertEquals("true", createdAgain.header("Idempotent-Replayed"));
            assertEquals(created.json(), createdAgain.json());
            long id = created.json().get("id").asLong();

            String issueKey = key();
            // One body for both sends: issue() dates it by the clock, and a body a second later is another body.
            Map<String, Object> all = issue(12);
            ApiClient.Reply issued = handOut(accountant, fund, id, issueKey, all);
            assertEquals(201, issued.status(), issued::toString);
            ApiClient.Reply issuedAgain = handOut(accountant, fund, id, issueKey, all);
            assertEquals(201, issuedAgain.status(), issuedAgain::toString);
            assertEquals("true", issuedAgain.header("Idempotent-Replayed"));
            assertEquals(issued.json(), issuedAgain.json(), "the retry of the issue that emptied the entry answers as the first time");

            ApiClient.Reply reused = handOut(accountant, fund, id, issueKey, issue(11));
            assertProblem(reused, 409);
            assertEquals("idempotency-key-must-match-content", problemType(reused));
            assertEquals(List.of("Idempotency-Key"), errorFields(reused));
            Map<String, Object> other = new LinkedHashMap<>(body);
            other.put("quantity", 13);
            ApiClient.Reply otherBody = record(accountant, fund, recordKey, other);
            assertProblem(otherBody, 409);
            assertEquals("idempotency-key-must-match-content", problemType(otherBody));
            ApiClient.Reply keyOfAnIssue = record(accountant, fund, issueKey, body);
            assertProblem(keyOfAnIssue, 409);

            assertEquals(List.of(id), ids(list(fund, "")), "the retries wrote no second entry");
            assertEquals(1, entry(fund, id).json().get("issues").size(), "the retry wrote no second issue");
        }

        @Test
        @DisplayName("when the Idempotency-Key is missing, too long or reserved then 400 naming it, and nothing is written")
        void badKey() {
            String fund = newFund();
            long id = recorded(fund);
            JsonNode register = whole(fund);
            for (String key : new String[] {null, "k".repeat(201), "mz:mine"}) {
                ApiClient.Reply recordReply = record(accountant, fund, key, goods());
                assertProblem(recordReply, 400);
                assertEquals(List.of("Idempotency-Key"), errorFields(recordReply), recordReply::toString);
                ApiClient.Reply issueReply = handOut(accountant, fund, id, key, issue(1));
                assertProblem(issueReply, 400);
                assertEquals(List.of("Idempotency-Key"), errorFields(issueReply), issueReply::toString);
            }
            assertEquals(register, whole(fund));
        }
    }

    @Nested
    @DisplayName("when the input is wrong then 400 names the field and the value, never a 5xx, and nothing is written")
    class BadInput {

        void assertRefused(ApiClient.Reply reply, String field, String mentions) {
            assertProblem(reply, 400);
            assertEquals(List.of(field), errorFields(reply), reply::toString);
            if (mentions != null) {
                assertTrue(errorMessage(reply, field).contains(mentions), reply::toString);
            }
        }

        @Test
        @DisplayName("texts: missing, blank or one character too long, in every text field")
        void texts() {
            String fund = newFund();
            long id = recorded(fund);
            JsonNode register = whole(fund);
            Map<String, Integer> limits = Map.of("description", 500, "unit", 20, "donor", 100, "whyNotValued", 500, "note", 500);
            for (Map.Entry<String, Integer> e : limits.entrySet()) {
                Map<String, Object> tooLong = goods();
                tooLong.put(e.getKey(), "物".repeat(e.getValue() + 1));
                assertRefused(record(accountant, fund, key(), tooLong), e.getKey(), String.valueOf(e.getValue() + 1));
                if (!e.getKey().equals("note")) {
                    Map<String, Object> missing = goods();
                    missing.remove(e.getKey());
                    assertRefused(record(accountant, fund, key(), missing), e.getKey(), "required");
                    Map<String, Object> blank = goods();
                    blank.put(e.getKey(), " ");
                    assertRefused(record(accountant, fund, key(), blank), e.getKey(), "required");
                }
            }
            Map<String, Object> noRecipient = issue(1);
            noRecipient.remove("recipient");
            assertRefused(handOut(accountant, fund, id, key(), noRecipient), "recipient", "required");
            Map<String, Object> longRecipient = issue(1);
            longRecipient.put("recipient", "王".repeat(101));
            assertRefused(handOut(accountant, fund, id, key(), longRecipient), "recipient", "101");
            assertEquals(register, whole(fund));
        }

        @Test
        @DisplayName("counts: zero, negative, too many, a fraction, text, a boolean, missing, beyond any number")
        void quantities() {
            String fund = newFund();
            long id = recorded(fund);
            JsonNode register = whole(fund);
            for (Object wrong : List.<Object>of(0, -3, 1_000_001, 12_345_678_901L)) {
                Map<String, Object> body = goods();
                body.put("quantity", wrong);
                assertRefused(record(accountant, fund, key(), body), "quantity", ": " + wrong);
                assertRefused(handOut(accountant, fund, id, key(), Map.of("quantity", wrong, "recipient", "王某")), "quantity",
                        ": " + wrong);
            }
            for (Object wrong : List.<Object>of(1.5, "12", true)) {
                Map<String, Object> body = goods();
                body.put("quantity", wrong);
                assertRefused(record(accountant, fund, key(), body), "quantity", null);
            }
            Map<String, Object> missing = goods();
            missing.remove("quantity");
            assertRefused(record(accountant, fund, key(), missing), "quantity", "required");
            String huge = "{\"quantity\": 123456789012345678901234567890, \"recipient\": \"王某\"}";
            ApiClient.Reply overflow = handOut(accountant, fund, id, key(), huge);
            assertProblem(overflow, 400);
            assertEquals(register, whole(fund));
            assertEquals(12, entry(fund, id).json().get("remainingQuantity").asLong());
            Map<String, Object> most = goods();
            most.put("quantity", 1_000_000);
            ApiClient.Reply accepted = record(accountant, fund, key(), most);
            assertEquals(201, accepted.status(), "quantityMax itself is accepted: " + accepted);
            assertEquals(1_000_000, accepted.json().get("remainingQuantity").asLong());
        }

        @Test
        @DisplayName("times: without an offset, or not a time at all")
        void times() {
            String fund = newFund();
            long id = recorded(fund);
            JsonNode register = whole(fund);
            for (String wrong : List.of("2026-05-01 10:00", "2026-05-01T10:00:00", "昨天")) {
                Map<String, Object> body = goods();
                body.put("occurredAt", wrong);
                assertRefused(record(accountant, fund, key(), body), "occurredAt", wrong);
                Map<String, Object> out = issue(1);
                out.put("occurredAt", wrong);
                assertRefused(handOut(accountant, fund, id, key(), out), "occurredAt", wrong);
            }
            assertEquals(register, whole(fund));
        }

        @Test
        @DisplayName("codes: a project code with spaces or too long")
        void codes() {
            String fund = newFund();
            recorded(fund);
            JsonNode register = whole(fund);
            Map<String, Object> body = goods();
            body.put("projectCode", "坏 code");
            assertRefused(record(accountant, fund, key(), body), "projectCode", "坏 code");
            body.put("projectCode", "P".repeat(33));
            assertRefused(record(accountant, fund, key(), body), "projectCode", "33");
            assertEquals(register, whole(fund));
        }

        @Test
        @DisplayName("bodies: an unknown field, malformed JSON, several wrong fields at once, an id that is not a number")
        void bodies() {
            String fund = newFund();
            long id = recorded(fund);
            JsonNode register = whole(fund);
            Map<String, Object> misspelt = goods();
            misspelt.put("quantty", 3);
            assertRefused(record(accountant, fund, key(), misspelt), "quantty", null);
            assertProblem(record(accountant, fund, key(), "{\"description\":"), 400);
            Map<String, Object> many = goods();
            many.put("unit", "");
            many.put("quantity", 0);
            many.remove("whyNotValued");
            ApiClient.Reply reply = record(accountant, fund, key(), many);
            assertProblem(reply, 400);
            assertEquals(List.of("quantity", "unit", "whyNotValued"), errorFields(reply));
            assertProblem(api().post(register(fund) + "/abc/issue").as(accountant).key(key()).body(issue(1)).send(), 400);
            assertProblem(api().get(register(fund) + "/abc").as(auditor).send(), 400);
            assertEquals(register, whole(fund));
            assertEquals(12, entry(fund, id).json().get("remainingQuantity").asLong());
        }
    }

    @Nested
    @DisplayName("when the register is listed then each entry comes with its issues, in the order recorded, a page at a time")
    class Listing {

        @Test
        void pages() {
            String fund = newFund();
            long first = recorded(fund);
            long second = recorded(fund);
            recorded(newFund());
            long third = recorded(fund);
            assertEquals(201, handOut(accountant, fund, second, key(), issue(4)).status());

            ApiClient.Reply all = list(fund, "");
            assertEquals(List.of(first, second, third), ids(all), "only IN entries are items; issues sit inside them");
            assertTrue(all.json().get("nextCursor").isNull(), all::toString);
            JsonNode withIssue = all.json().get("items").get(1);
            assertEquals(8, withIssue.get("remainingQuantity").asLong());
            assertEquals(4, withIssue.get("issues").get(0).get("quantity").asLong());

            ApiClient.Reply page1 = list(fund, "?limit=2");
            assertEquals(List.of(first, second), ids(page1));
            assertEquals(String.valueOf(second), page1.text("nextCursor"));
            ApiClient.Reply page2 = list(fund, "?limit=2&cursor=" + page1.text("nextCursor"));
            assertEquals(List.of(third), ids(page2));
            assertTrue(page2.json().get("nextCursor").isNull(), page2::toString);
        }

        @Test
        @DisplayName("when the limit or cursor is not one the list knows then 400 naming it")
        void badQuery() {
            String fund = newFund();
            for (String query : List.of("?limit=0", "?limit=100000", "?cursor=x", "?cursor=-1")) {
                ApiClient.Reply reply = api().get(register(fund) + query).as(auditor).send();
                assertProblem(reply, 400);
                assertEquals(List.of(query.substring(1, query.indexOf('='))), errorFields(reply), reply::toString);
            }
        }
    }

    @Test
    @DisplayName("when there is no token then 401; when the committee or an auditor writes then 403; staff may read")
    void auth() {
        String fund = newFund();
        long id = recorded(fund);
        JsonNode register = whole(fund);
        assertProblem(record(null, fund, key(), goods()), 401);
        assertProblem(api().get(register(fund)).send(), 401);
        assertProblem(record(committee, fund, key(), goods()), 403);
        assertProblem(record(auditor, fund, key(), goods()), 403);
        assertProblem(handOut(committee, fund, id, key(), issue(1)), 403);
        assertEquals(200, api().get(register(fund)).as(committee).send().status());
        assertEquals(200, api().get(register(fund) + "/" + id).as(accountant).send().status());
        assertEquals(register, whole(fund));
    }

    @Test
    @DisplayName("when a client fetches /openapi.yml then the goods register endpoints are in it")
    void openApi() {
        ApiClient.Reply reply = api().get("/openapi.yml").send();
        assertEquals(200, reply.status());
        for (String path : List.of("/api/v1/funds/{code}/goods-register:", "/api/v1/funds/{code}/goods-register/{id}:",
                "/api/v1/funds/{code}/goods-register/{id}/issue:")) {
            assertTrue(reply.body().contains(path), () -> "the document lacks " + path);
        }
        for (String operation : List.of("recordUnvaluedGoods", "issueUnvaluedGoods", "listGoodsRegister",
                "getGoodsRegisterEntry", "RecordGoodsRequest", "IssueGoodsRequest", "GoodsIssue", "whyNotValued")) {
            assertTrue(reply.body().contains(operation), () -> "the document lacks " + operation);
        }
    }
}
