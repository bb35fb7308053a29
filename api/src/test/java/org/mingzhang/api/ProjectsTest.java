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
 * A community-fund project from plan to fundraising and on to its work: an accountant writes the plan,
 * submits it, someone else on the committee approves it, the accountant closes its fundraising; every
 * move is in the audit trail with who made it. Refusals (wrong role, wrong state, self-approval, a plan
 * that does not add up or is malformed) are proven to answer the right problem and to write nothing:
 * the project reads back unchanged, or not at all.
 */
@MicronautTest
class ProjectsTest extends ApiTestBase {

    static final String PROJECTS = "/api/v1/projects";

    String accountant;
    String committee;
    String auditor;

    @BeforeAll
    void users() {
        accountant = userWith("ACCOUNTANT");
        committee = userWith("COMMITTEE");
        auditor = userWith("AUDITOR");
    }

    /** A plan of 50000.00 in two budget lines, fundraising through May 2026; a mutable map so that a case can break it. */
    static Map<String, Object> plan(String fundCode, String code) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", code);
        plan.put("fundCode", fundCode);
        plan.put("title", "天星社区道路硬化");
        plan.put("category", "便民维修");
        plan.put("need", "小区北侧土路雨天泥泞，老人出行不便");
        plan.put("goals", List.of("硬化道路300米", "雨季无积水"));
        plan.put("targetAmount", "50000.00");
        plan.put("budget", List.of(
                Map.of("item", "路面硬化材料", "amount", "30000", "note", "水泥、沙石"),
                Map.of("item", "施工人工", "amount", "20000.00")));
        plan.put("plan", "五月募集，六月施工，七月验收");
        plan.put("team", List.of(Map.of("name", "王主任", "role", "项目负责人"), Map.of("name", "赵志愿者", "role", "监督")));
        plan.put("fundraisingOpensAt", "2026-05-01T00:00:00+08:00");
        plan.put("fundraisingClosesAt", "2026-05-31T23:59:59+08:00");
        return plan;
    }

    ApiClient.Reply create(String token, Map<String, Object> body) {
        return api().post(PROJECTS).as(token).body(body).send();
    }

    /** A DRAFT project of a new fund, written by the accountant; returns its code. */
    String draft() {
        String code = unique("P-");
        ApiClient.Reply created = create(accountant, plan(newFund(), code));
        assertEquals(201, created.status(), created::toString);
        return code;
    }

    /** A project the accountant wrote and submitted; returns its code. */
    String submitted() {
        String code = draft();
        ApiClient.Reply reply = move(accountant, code, "submit", null);
        assertEquals(200, reply.status(), reply::toString);
        return code;
    }

    ApiClient.Reply move(String token, String code, String action, Map<String, Object> body) {
        ApiClient.Call call = api().post(PROJECTS + "/" + code + "/" + action).as(token);
        if (body != null) {
            call.body(body);
        }
        return call.send();
    }

    ApiClient.Reply get(String code) {
        return api().get(PROJECTS + "/" + code).as(auditor).send();
    }

    String status(String code) {
        ApiClient.Reply reply = get(code);
        assertEquals(200, reply.status(), reply::toString);
        return reply.text("status");
    }

    JsonNode events(String code) {
        ApiClient.Reply reply = api().get(PROJECTS + "/" + code + "/events").as(auditor).send();
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.json().get("nextCursor").isNull(), reply::toString);
        return reply.json().get("items");
    }

    List<String> actions(String code) {
        List<String> actions = new ArrayList<>();
        events(code).forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    String nameOf(String token) {
        ApiClient.Reply me = api().get("/api/v1/me").as(token).send();
        assertEquals(200, me.status(), me::toString);
        return me.text("name");
    }

    /** Nothing of the refused plan was written: the project does not exist and its fund lists none. */
    void assertNotWritten(String code, String fundCode) {
        assertProblem(get(code), 404);
        ApiClient.Reply list = api().get(PROJECTS + "?fundCode=" + fundCode).as(auditor).send();
        assertEquals(200, list.status(), list::toString);
        assertEquals(0, list.json().get("items").size(), list::toString);
    }

    @Nested
    @DisplayName("when an accountant writes and submits a plan, the committee approves it and the accountant closes "
            + "its fundraising then it is IN_PROGRESS and the trail shows each move and who made it")
    class Walk {
        @Test
        void walk() {
            String fund = newFund();
            String code = unique("TXSQ-2026-");
            ApiClient.Reply created = create(accountant, plan(fund, code));
            assertEquals(201, created.status(), created::toString);
            assertEquals(PROJECTS + "/" + code, created.header("Location"));
            assertEquals("DRAFT", created.text("status"));
            assertEquals(fund, created.text("fundCode"));
            assertEquals("50000.00", created.text("targetAmount"));
            JsonNode budget = created.json().get("budget");
            assertEquals(1, budget.get(0).get("lineNo").asInt());
            assertEquals("30000.00", budget.get(0).get("amount").asText());
            assertEquals("水泥、沙石", budget.get(0).get("note").asText());
            assertEquals(2, budget.get(1).get("lineNo").asInt());
            assertEquals("20000.00", budget.get(1).get("amount").asText());
            assertTrue(budget.get(1).get("note").isNull());
            assertEquals("硬化道路300米", created.json().get("goals").get(0).asText());
            assertEquals("监督", created.json().get("team").get(1).get("role").asText());
            assertEquals("2026-05-01T00:00:00+08:00", created.text("fundraisingOpensAt"));
            assertEquals("2026-05-31T23:59:59+08:00", created.text("fundraisingClosesAt"));
            assertTrue(created.json().get("matchingPoolCode").isNull());
            assertEquals(nameOf(accountant), created.text("createdBy"));
            assertTrue(created.json().get("submittedBy").isNull());
            assertEquals(created.json(), get(code).json(), "what the writer answered is what storage holds");

            ApiClient.Reply submitted = move(accountant, code, "submit", null);
            assertEquals(200, submitted.status(), submitted::toString);
            assertEquals("SUBMITTED", submitted.text("status"));
            assertEquals(nameOf(accountant), submitted.text("submittedBy"));

            ApiClient.Reply approved = move(committee, code, "approve", Map.of("reason", "预算与居民议事会决议一致"));
            assertEquals(200, approved.status(), approved::toString);
            assertEquals("FUNDRAISING", approved.text("status"));

            ApiClient.Reply closed = move(accountant, code, "close-fundraising", null);
            assertEquals(200, closed.status(), closed::toString);
            assertEquals("IN_PROGRESS", closed.text("status"));
            assertEquals("IN_PROGRESS", status(code));

            JsonNode events = events(code);
            assertEquals(List.of("CREATE", "SUBMIT", "APPROVE", "CLOSE_FUNDRAISING"), actions(code));
            List<String> by = List.of(nameOf(accountant), nameOf(accountant), nameOf(committee), nameOf(accountant));
            List<String> to = List.of("DRAFT", "SUBMITTED", "FUNDRAISING", "IN_PROGRESS");
            for (int i = 0; i < events.size(); i++) {
                JsonNode e = events.get(i);
                assertEquals(i + 1, e.get("seq").asInt(), e::toString);
                assertEquals(by.get(i), e.get("by").asText(), e::toString);
                assertEquals(to.get(i), e.get("to").asText(), e::toString);
                assertEquals(i == 0 ? null : to.get(i - 1), e.get("from").isNull() ? null : e.get("from").asText(), e::toString);
                assertTrue(e.get("at").asText().endsWith("+08:00"), e::toString);
            }
            assertEquals("预算与居民议事会决议一致", events.get(2).get("reason").asText());
            assertTrue(events.get(1).get("reason").isNull());
        }

        @Test
        @DisplayName("when projects are listed by fund and by state then only those match, in code order")
        void list() {
            String fund = newFund();
            String first = "A-" + unique("");
            String second = "B-" + unique("");
            assertEquals(201, create(accountant, plan(fund, first)).status());
            assertEquals(201, create(accountant, plan(fund, second)).status());
            assertEquals(200, move(accountant, second, "submit", null).status());
            draft();

            ApiClient.Reply all = api().get(PROJECTS + "?fundCode=" + fund).as(committee).send();
            assertEquals(200, all.status(), all::toString);
            assertEquals(2, all.json().get("items").size(), all::toString);
            assertEquals(first, all.json().get("items").get(0).get("code").asText());
            assertTrue(all.json().get("nextCursor").isNull());

            ApiClient.Reply submitted = api().get(PROJECTS + "?fundCode=" + fund + "&status=SUBMITTED").as(committee).send();
            assertEquals(1, submitted.json().get("items").size(), submitted::toString);
            assertEquals(second, submitted.json().get("items").get(0).get("code").asText());

            ApiClient.Reply onePage = api().get(PROJECTS + "?fundCode=" + fund + "&limit=1").as(committee).send();
            assertEquals(first, onePage.text("nextCursor"));
            ApiClient.Reply nextPage = api().get(PROJECTS + "?fundCode=" + fund + "&limit=1&cursor=" + first)
                    .as(committee).send();
            assertEquals(second, nextPage.json().get("items").get(0).get("code").asText());

            assertProblem(api().get(PROJECTS + "?status=DONE").as(committee).send(), 400);
            assertProblem(api().get(PROJECTS + "?fundCode=" + unique("NOFUND")).as(committee).send(), 404);
        }

        @Test
        @DisplayName("when the committee rejects a plan, or the sponsor cancels one, then only with a reason")
        void rejectAndCancel() {
            String rejected = submitted();
            ApiClient.Reply noReason = move(committee, rejected, "reject", null);
            assertProblem(noReason, 400);
            assertEquals(List.of("reason"), errorFields(noReason));
            assertProblem(move(committee, rejected, "reject", Map.of("reason", " ")), 400);
            assertEquals("SUBMITTED", status(rejected));
            ApiClient.Reply reply = move(committee, rejected, "reject", Map.of("reason", "预算过高"));
            assertEquals(200, reply.status(), reply::toString);
            assertEquals("REJECTED", reply.text("status"));
            assertEquals("预算过高", events(rejected).get(2).get("reason").asText());

            String cancelled = draft();
            assertProblem(move(accountant, cancelled, "cancel", Map.of()), 400);
            assertEquals("DRAFT", status(cancelled));
            assertEquals(200, move(accountant, cancelled, "cancel", Map.of("reason", "居民另有安排")).status());
            assertEquals("CANCELLED", status(cancelled));
            assertEquals(List.of("CREATE", "CANCEL"), actions(cancelled));
        }

        @Test
        @DisplayName("when the admin approves a project someone else submitted then it may, as any role may")
        void admin() {
            String code = submitted();
            ApiClient.Reply approved = move(ADMIN_TOKEN, code, "approve", null);
            assertEquals(200, approved.status(), approved::toString);
            assertEquals("admin", events(code).get(2).get("by").asText());
        }
    }

    @Nested
    @DisplayName("when one person holding both roles submits a plan and then approves it then 403 and it stays SUBMITTED")
    class SelfApproval {
        @Test
        void selfApproval() {
            String both = userWith("ACCOUNTANT", "COMMITTEE");
            String code = unique("P-");
            assertEquals(201, create(both, plan(newFund(), code)).status());
            assertEquals(200, move(both, code, "submit", null).status());

            ApiClient.Reply approve = move(both, code, "approve", null);
            assertProblem(approve, 403);
            assertEquals("project-must-not-be-approved-by-its-submitter", problemType(approve));
            assertProblem(move(both, code, "reject", Map.of("reason", "changed my mind")), 403);
            assertEquals("SUBMITTED", status(code));
            assertEquals(List.of("CREATE", "SUBMIT"), actions(code));
        }
    }

    @Nested
    @DisplayName("when a role may not make a move then 403 and nothing changes")
    class WrongRole {
        @Test
        @DisplayName("when an auditor writes a plan then 403 and no project exists")
        void auditorCreates() {
            String fund = newFund();
            String code = unique("P-");
            ApiClient.Reply reply = create(auditor, plan(fund, code));
            assertProblem(reply, 403);
            assertEquals("forbidden", problemType(reply));
            assertNotWritten(code, fund);
        }

        @Test
        @DisplayName("when an accountant approves, or the committee closes fundraising, then 403")
        void accountantApproves() {
            String code = submitted();
            assertProblem(move(accountant, code, "approve", null), 403);
            assertEquals("SUBMITTED", status(code));
            assertEquals(200, move(committee, code, "approve", null).status());
            assertProblem(move(committee, code, "close-fundraising", null), 403);
            assertEquals("FUNDRAISING", status(code));
            assertEquals(List.of("CREATE", "SUBMIT", "APPROVE"), actions(code));
        }
    }

    @Nested
    @DisplayName("when a move does not fit the project's state, or the project does not exist, then 409 or 404")
    class WrongState {
        @Test
        @DisplayName("when a DRAFT is approved then 409 naming DRAFT")
        void approveDraft() {
            String code = draft();
            ApiClient.Reply reply = move(committee, code, "approve", null);
            JsonNode problem = assertProblem(reply, 409);
            assertEquals("project-state-must-allow-transition", problemType(reply));
            assertTrue(problem.get("detail").asText().contains("DRAFT"), reply::toString);
            assertEquals("DRAFT", status(code));
            assertEquals(List.of("CREATE"), actions(code));
        }

        @Test
        @DisplayName("when a project is submitted twice then the second is a 409 naming SUBMITTED")
        void submitTwice() {
            String code = submitted();
            ApiClient.Reply reply = move(accountant, code, "submit", null);
            assertProblem(reply, 409);
            assertTrue(reply.json().get("detail").asText().contains("SUBMITTED"), reply::toString);
            assertEquals(List.of("CREATE", "SUBMIT"), actions(code));
        }

        @Test
        @DisplayName("when the project is unknown then 404, to read it, its trail or to move it")
        void unknown() {
            String code = unique("NOPE-");
            assertEquals("project-must-exist", problemType(assertProblemReply(get(code), 404)));
            assertProblem(api().get(PROJECTS + "/" + code + "/events").as(auditor).send(), 404);
            ApiClient.Reply approve = move(committee, code, "approve", null);
            assertProblem(approve, 404);
            assertEquals("project-must-exist", problemType(approve));
        }
    }

    static ApiClient.Reply assertProblemReply(ApiClient.Reply reply, int status) {
        assertProblem(reply, status);
        return reply;
    }

    @Nested
    @DisplayName("when a plan is refused then the problem names what is wrong and no project is written")
    class Validation {
        @Test
        @DisplayName("when the budget lines do not add up to the target then 422")
        void budgetMismatch() {
            String fund = newFund();
            String code = unique("P-");
            Map<String, Object> body = plan(fund, code);
            body.put("targetAmount", "50000.01");
            ApiClient.Reply reply = create(accountant, body);
            assertProblem(reply, 422);
            assertEquals("project-budget-must-match-target", problemType(reply));
            assertEquals(List.of("budget"), errorFields(reply));
            assertNotWritten(code, fund);
        }

        @Test
        @DisplayName("when a budget amount has a third decimal then 400 naming budget[1].amount")
        void thirdDecimal() {
            String fund = newFund();
            String code = unique("P-");
            Map<String, Object> body = plan(fund, code);
            body.put("budget", List.of(Map.of("item", "材料", "amount", "30000.00"), Map.of("item", "人工", "amount", "19999.999")));
            ApiClient.Reply reply = create(accountant, body);
            assertProblem(reply, 400);
            assertEquals(List.of("budget[1].amount"), errorFields(reply));
            assertTrue(errorMessage(reply, "budget[1].amount").contains("19999.999"), reply::toString);
            assertNotWritten(code, fund);
        }

        @Test
        @DisplayName("when the window closes before it opens, or at the same instant, then 400 naming fundraisingClosesAt")
        void window() {
            String fund = newFund();
            String code = unique("P-");
            Map<String, Object> body = plan(fund, code);
            body.put("fundraisingClosesAt", "2026-04-30T23:59:59+08:00");
            ApiClient.Reply reply = create(accountant, body);
            assertProblem(reply, 400);
            assertEquals(List.of("fundraisingClosesAt"), errorFields(reply));
            // The same instant written in another offset, and one that only nanoseconds put later, are not after it.
            body.put("fundraisingClosesAt", "2026-04-30T16:00:00Z");
            assertEquals(List.of("fundraisingClosesAt"), errorFields(assertProblemReply(create(accountant, body), 400)));
            body.put("fundraisingOpensAt", "2026-05-01T00:00:00.000000001+08:00");
            body.put("fundraisingClosesAt", "2026-05-01T00:00:00.000000002+08:00");
            assertEquals(List.of("fundraisingClosesAt"), errorFields(assertProblemReply(create(accountant, body), 400)));
            body.put("fundraisingClosesAt", "2026-05-31T23:59:59");
            assertEquals(List.of("fundraisingClosesAt"), errorFields(assertProblemReply(create(accountant, body), 400)));
            body.put("fundraisingClosesAt", "+10000-05-31T23:59:59+08:00");
            assertEquals(List.of("fundraisingClosesAt"), errorFields(assertProblemReply(create(accountant, body), 400)));
            assertNotWritten(code, fund);
        }

        @Test
        @DisplayName("when the goals are missing or empty then 400 naming goals")
        void goals() {
            String fund = newFund();
            String code = unique("P-");
            Map<String, Object> body = plan(fund, code);
            body.remove("goals");
            ApiClient.Reply missing = create(accountant, body);
            assertProblem(missing, 400);
            assertEquals(List.of("goals"), errorFields(missing));
            body.put("goals", List.of());
            assertEquals(List.of("goals"), errorFields(assertProblemReply(create(accountant, body), 400)));
            body.put("goals", List.of("硬化道路", " "));
            assertEquals(List.of("goals[1]"), errorFields(assertProblemReply(create(accountant, body), 400)));
            assertNotWritten(code, fund);
        }

        @Test
        @DisplayName("when the title has 201 characters then 400 naming title; 200 are accepted")
        void title() {
            String fund = newFund();
            String code = unique("P-");
            Map<String, Object> body = plan(fund, code);
            body.put("title", "路".repeat(201));
            ApiClient.Reply reply = create(accountant, body);
            assertProblem(reply, 400);
            assertEquals(List.of("title"), errorFields(reply));
            assertTrue(errorMessage(reply, "title").contains("201"), reply::toString);
            assertNotWritten(code, fund);
            body.put("title", "路".repeat(200));
            assertEquals(201, create(accountant, body).status());
        }

        @Test
        @DisplayName("when many fields are wrong then every one is named at once")
        void many() {
            String fund = newFund();
            String code = unique("P-");
            Map<String, Object> body = plan(fund, code);
            body.put("category", " ");
            body.put("budget", List.of(Map.of("item", "材料", "amount", "0"), Map.of("amount", "1.00")));
            body.put("team", List.of(Map.of("name", "王主任", "role", "")));
            body.put("need", "需".repeat(2001));
            body.put("matchingPoolCode", "配捐");
            ApiClient.Reply reply = create(accountant, body);
            assertProblem(reply, 400);
            assertEquals(List.of("category", "need", "budget[0].amount", "budget[1].item", "team[0].role",
                    "matchingPoolCode"), errorFields(reply));
            assertNotWritten(code, fund);
        }

        @Test
        @DisplayName("when the fund does not exist then 422 naming fundCode")
        void unknownFund() {
            String code = unique("P-");
            ApiClient.Reply reply = create(accountant, plan(unique("NOFUND"), code));
            assertProblem(reply, 422);
            assertEquals("fund-must-exist", problemType(reply));
            assertEquals(List.of("fundCode"), errorFields(reply));
            assertProblem(get(code), 404);
        }

        @Test
        @DisplayName("when the code is taken then 409 and the first project is unchanged")
        void duplicate() {
            String code = draft();
            ApiClient.Reply first = get(code);
            String otherFund = newFund();
            ApiClient.Reply reply = create(committee, plan(otherFund, code));
            assertProblem(reply, 409);
            assertEquals("project-code-must-be-unique", problemType(reply));
            assertEquals(first.json(), get(code).json());
            assertEquals(List.of("CREATE"), actions(code));
        }

        @Test
        @DisplayName("when the amount is a JSON number or a field is unknown then 400")
        void strictJson() {
            String fund = newFund();
            String code = unique("P-");
            Map<String, Object> body = plan(fund, code);
            body.put("targetAmount", 50000);
            assertProblem(create(accountant, body), 400);
            body.put("targetAmount", "50000.00");
            body.put("budgett", List.of());
            assertProblem(create(accountant, body), 400);
            assertNotWritten(code, fund);
        }
    }
}
