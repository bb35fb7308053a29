package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.money.Money;

/**
 * A project's whole life over HTTP, as its people do it: the residents' committee records a need, the
 * accountant writes a plan that answers it and edits the draft, the committee approves it, gifts arrive,
 * fundraising closes, payments are requested, approved by someone else on the committee and paid (one
 * rejected, one over its line refused and then approved as an explicit overrun, one beyond the project's
 * money refused), the results are recorded, the leftover returns to the fund and the committee accepts.
 * After every step the fund's trial balance balances; refusals (wrong role 403, self-approval 403, wrong
 * state 409, over the money or the line 422, bad input 400) write nothing; and the per-line figures of
 * {@code GET /projects/{code}} are summed again from {@code GET /ledger/transactions} and agree.
 *
 * <pre>
 * plan 50,000.00: 材料 30,000.00 + 人工 20,000.00; gifts 30,000.00 + 15,000.00 = raised 45,000.00
 * #1 材料 25,000.00 paid                        材料 left 5,000.00
 * #2 人工 12,000.00 paid (not approved by its requester)
 * #3 材料  6,000.00: 1,000.00 over the line; refused, then approved as an overrun and paid
 * #4 人工  1,000.00 rejected
 * #5 人工  5,000.00 refused: 2,000.00 available
 * disbursed 43,000.00 (材料 31,000.00, variance +1,000.00; 人工 12,000.00, remaining 8,000.00); 2,000.00 returned
 * </pre>
 */
@MicronautTest
class ProjectLifecycleTest extends ApiTestBase {

    static final String PROJECTS = "/api/v1/projects";
    static final String LAMPS = "材料";
    static final String LABOUR = "人工";

    String accountant;
    String committee;
    String secondCommittee;
    String both;
    String auditor;

    @BeforeAll
    void users() {
        accountant = userWith("ACCOUNTANT");
        committee = userWith("COMMITTEE");
        secondCommittee = userWith("COMMITTEE");
        both = userWith("ACCOUNTANT", "COMMITTEE");
        auditor = userWith("AUDITOR");
    }

    static Map<String, Object> plan(String fundCode, String code, String need) {
        Map<String, Object> plan = new HashMap<>(ProjectsTest.plan(fundCode, code));
        plan.put("need", need);
        plan.put("budget", List.of(Map.of("item", LAMPS, "amount", "30000.00"), Map.of("item", LABOUR, "amount", "20000.00")));
        // Open now, so that gifts received an hour ago fall in the window.
        plan.put("fundraisingOpensAt", "2026-01-01T00:00:00+08:00");
        plan.put("fundraisingClosesAt", "2027-12-31T23:59:59+08:00");
        return plan;
    }

    ApiClient.Reply post(String token, String path, Object body) {
        ApiClient.Call call = api().post(path).as(token);
        if (body != null) {
            call.body(body);
        }
        return call.send();
    }

    JsonNode ok(ApiClient.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        return reply.json();
    }

    JsonNode project(String code) {
        return ok(api().get(PROJECTS + "/" + code).as(auditor).send(), 200);
    }

    JsonNode line(JsonNode project, String item) {
        for (JsonNode line : project.get("budget")) {
            if (line.get("item").asText().equals(item)) {
                return line;
            }
        }
        throw new AssertionError("no line " + item + " in " + project);
    }

    void give(String fund, String code, String amount) {
        Map<String, Object> gift = DonationTestBase.gift(fund, amount);
        gift.put("projectCode", code);
        ok(api().post("/api/v1/donations").as(accountant).key(key()).body(gift).send(), 201);
    }

    long request(String token, String code, String item, String amount) {
        return ok(post(token, PROJECTS + "/" + code + "/disbursements", Map.of("budgetItem", item, "amount", amount,
                "payee", "某建材公司", "purpose", "采购", "invoiceNo", "No.0452")), 201).get("id").asLong();
    }

    ApiClient.Reply approve(String token, long id, Map<String, Object> body) {
        return post(token, "/api/v1/disbursements/" + id + "/approve", body);
    }

    JsonNode pay(long id) {
        return ok(api().post("/api/v1/disbursements/" + id + "/pay").as(accountant).key(key()).send(), 200);
    }

    /** The fund's trial balance balances. */
    void balances(String fund) {
        JsonNode tb = ok(api().get("/api/v1/ledger/funds/" + fund + "/trial-balance").as(auditor).send(), 200);
        assertEquals(tb.get("totalDebit").asText(), tb.get("totalCredit").asText(), tb::toString);
    }

    /** A refused call: the problem's status and type, and the journal the same length afterwards. */
    void refused(ApiClient.Reply reply, int status, String type, long journalBefore) {
        assertProblem(reply, status);
        assertEquals(type, problemType(reply), reply::toString);
        assertEquals(journalBefore, journalSize(), "a refusal writes nothing");
    }

    /**
     * The project's figures per budget line, summed from the journal as any client can read it: the
     * transactions that name the project, programme costs (5101) debited by posted payments, and those of
     * pending transfers that nothing has posted or voided yet.
     */
    Map<String, long[]> fromJournal(String fund, String code) {
        Map<Long, String> itemOf = new HashMap<>();
        ok(api().get(PROJECTS + "/" + code + "/disbursements").as(auditor).send(), 200).get("items")
                .forEach(d -> itemOf.put(d.get("id").asLong(), d.get("budgetItem").asText()));
        List<JsonNode> named = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(api().get("/api/v1/ledger/transactions?limit=100&fundCode=" + fund
                    + (cursor == null ? "" : "&cursor=" + cursor)).as(auditor).send(), 200);
            page.get("items").forEach(t -> {
                if (code.equals(t.get("references").get("project").asText(null))) {
                    named.add(t);
                }
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        Set<Long> resolved = new HashSet<>();
        named.stream().filter(t -> !t.get("pendingId").isNull()).forEach(t -> resolved.add(t.get("pendingId").asLong()));
        Map<String, long[]> byItem = new HashMap<>();
        for (JsonNode t : named) {
            if (t.get("references").get("disbursement").isNull()) {
                continue;
            }
            String item = itemOf.get(t.get("references").get("disbursement").asLong());
            String phase = t.get("phase").asText();
            for (JsonNode p : t.get("postings")) {
                if (!p.get("accountCode").asText().equals("5101")) {
                    continue;
                }
                long fen = Money.parse(p.get("debit").asText()).fen();
                if (phase.equals("POST_PENDING")) {
                    byItem.computeIfAbsent(item, k -> new long[2])[0] += fen;
                } else if (phase.equals("PENDING") && !resolved.contains(t.get("id").asLong())) {
                    byItem.computeIfAbsent(item, k -> new long[2])[1] += fen;
                }
            }
        }
        return byItem;
    }

    /** A balance as the API shows it: yuan with two decimals, negative when the account stands on its other side. */
    static long signedFen(String balance) {
        return balance.startsWith("-") ? -Money.parse(balance.substring(1)).fen() : Money.parse(balance).fen();
    }

    void figuresReconcile(String fund, String code) {
        JsonNode p = project(code);
        Map<String, long[]> journal = fromJournal(fund, code);
        long disbursed = 0;
        long reserved = 0;
        for (String item : List.of(LAMPS, LABOUR)) {
            long[] j = journal.getOrDefault(item, new long[2]);
            JsonNode line = line(p, item);
            assertEquals(Money.format(j[0]), line.get("disbursed").asText(), item);
            assertEquals(Money.format(j[1]), line.get("reserved").asText(), item);
            disbursed += j[0];
            reserved += j[1];
        }
        assertEquals(Money.format(disbursed), p.get("disbursed").asText());
        assertEquals(Money.format(reserved), p.get("reserved").asText());
    }

    @Test
    @DisplayName("when a project goes from a residents' need to acceptance then each figure is the hand-worked one, "
            + "reconciles to the journal, and every refusal writes nothing")
    void wholeLife() {
        String fund = newFund();
        String code = unique("P-");
        long needId = ok(post(accountant, "/api/v1/needs", Map.of("fundCode", fund, "title", "北侧土路",
                "description", "雨天泥泞，老人出行不便", "raisedBy", "3号楼居民", "supporters", 23)), 201).get("id").asLong();

        Map<String, Object> draft = plan(fund, code, "草稿");
        draft.put("needId", needId);
        ok(post(accountant, PROJECTS, draft), 201);
        JsonNode need = ok(api().get("/api/v1/needs/" + needId).as(auditor).send(), 200);
        assertEquals("ANSWERED", need.get("status").asText());
        assertEquals(code, need.get("answeredByProjectCode").asText());

        JsonNode edited = ok(api().call("PUT", PROJECTS + "/" + code).as(accountant).body(plan(fund, code, "雨天泥泞")).send(), 200);
        assertEquals("雨天泥泞", edited.get("need").asText());
        assertEquals(needId, edited.get("needId").asLong());
        ok(post(accountant, PROJECTS + "/" + code + "/submit", null), 200);
        long journal = journalSize();
        refused(api().call("PUT", PROJECTS + "/" + code).as(accountant).body(plan(fund, code, "再改")).send(), 409,
                "project-state-must-allow-action", journal);
        ok(post(committee, PROJECTS + "/" + code + "/approve", Map.of("reason", "同意")), 200);

        give(fund, code, "30000.00");
        give(fund, code, "15000.00");
        balances(fund);
        journal = journalSize();
        refused(post(accountant, PROJECTS + "/" + code + "/disbursements", Map.of("budgetItem", LAMPS, "amount", "100.00",
                "payee", "某", "purpose", "早了")), 409, "project-state-must-allow-action", journal);
        ok(post(accountant, PROJECTS + "/" + code + "/close-fundraising", null), 200);
        JsonNode running = project(code);
        assertEquals("IN_PROGRESS", running.get("status").asText());
        assertEquals("45000.00", running.get("raised").asText());
        assertEquals("45000.00", running.get("available").asText());

        // Wrong state and wrong role: refused, nothing written.
        journal = journalSize();
        ApiClient.Reply early = post(committee, PROJECTS + "/" + code + "/accept", null);
        refused(early, 409, "project-state-must-allow-transition", journal);
        assertTrue(early.json().get("detail").asText().contains("IN_PROGRESS"), early::toString);
        refused(post(committee, PROJECTS + "/" + code + "/complete", Map.of("results", "完成", "goalOutcomes",
                List.of("a", "b"))), 403, "forbidden", journal);

        // #1 lamps 25,000.00, paid; the same key pays once.
        long d1 = request(accountant, code, LAMPS, "25000.00");
        JsonNode approved = ok(approve(committee, d1, null), 200);
        assertEquals("APPROVED", approved.get("status").asText());
        assertEquals("25000.00", line(project(code), LAMPS).get("reserved").asText());
        figuresReconcile(fund, code);
        balances(fund);
        String payKey = key();
        JsonNode paid = ok(api().post("/api/v1/disbursements/" + d1 + "/pay").as(accountant).key(payKey).send(), 200);
        assertEquals("PAID", paid.get("status").asText());
        journal = journalSize();
        ApiClient.Reply again = api().post("/api/v1/disbursements/" + d1 + "/pay").as(accountant).key(payKey).send();
        assertEquals(200, again.status(), again::toString);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(paid.get("paymentTransactionId"), again.json().get("paymentTransactionId"));
        refused(api().post("/api/v1/disbursements/" + d1 + "/pay").as(accountant).key(key()).send(), 409,
                "disbursement-state-must-allow-action", journal);
        // A payment is corrected through its disbursement, never behind its back in the journal.
        refused(api().post("/api/v1/ledger/transactions/" + paid.get("paymentTransactionId").asLong() + "/reverse")
                .as(accountant).key(key()).body(Map.of("reason", "手工冲销")).send(), 409,
                "transaction-must-be-changed-through-its-record", journal);
        figuresReconcile(fund, code);
        balances(fund);

        // #2 labour 12,000.00: whoever asked does not approve, whatever roles they hold.
        long d2 = request(both, code, LABOUR, "12000.00");
        journal = journalSize();
        refused(approve(both, d2, null), 403, "disbursement-must-not-be-decided-by-its-requester", journal);
        refused(approve(accountant, d2, null), 403, "forbidden", journal);
        long reservation = ok(approve(committee, d2, null), 200).get("reserveTransactionId").asLong();
        journal = journalSize();
        refused(api().post("/api/v1/ledger/pending-transfers/" + reservation + "/post").as(accountant).key(key()).send(), 409,
                "transaction-must-be-changed-through-its-record", journal);
        refused(api().post("/api/v1/ledger/pending-transfers/" + reservation + "/void").as(accountant).key(key())
                .body(Map.of("reason", "手工作废")).send(), 409, "transaction-must-be-changed-through-its-record", journal);
        pay(d2);
        balances(fund);

        // #3 lamps 6,000.00 with 5,000.00 left on the line.
        long d3 = request(accountant, code, LAMPS, "6000.00");
        journal = journalSize();
        ApiClient.Reply overLine = approve(committee, d3, null);
        refused(overLine, 422, "disbursement-must-fit-budget-line", journal);
        assertTrue(overLine.json().get("detail").asText().contains("5000.00"), overLine::toString);
        ApiClient.Reply noReason = approve(committee, d3, Map.of("approveOverrun", true));
        assertProblem(noReason, 400);
        assertEquals(List.of("reason"), errorFields(noReason));
        JsonNode overrun = ok(approve(committee, d3, Map.of("approveOverrun", true, "reason", "材料涨价，委员会同意超支")), 200);
        assertEquals("1000.00", overrun.get("overrunApproved").asText());
        assertEquals("材料涨价，委员会同意超支", overrun.get("decisionReason").asText());
        pay(d3);
        balances(fund);

        // #4 labour 1,000.00, rejected with a reason.
        long d4 = request(accountant, code, LABOUR, "1000.00");
        JsonNode rejected = ok(post(secondCommittee, "/api/v1/disbursements/" + d4 + "/reject", Map.of("reason", "发票不符")), 200);
        assertEquals("REJECTED", rejected.get("status").asText());
        journal = journalSize();
        refused(api().post("/api/v1/disbursements/" + d4 + "/pay").as(accountant).key(key()).send(), 409,
                "disbursement-state-must-allow-action", journal);

        // The committee's queue: what waits for a decision, in this fund.
        long queued = request(accountant, code, LABOUR, "100.00");
        JsonNode queue = ok(api().get("/api/v1/disbursements?status=PENDING&fundCode=" + fund).as(committee).send(), 200);
        assertEquals(1, queue.get("items").size(), queue::toString);
        assertEquals(queued, queue.get("items").get(0).get("id").asLong());
        ok(post(accountant, "/api/v1/disbursements/" + queued + "/cancel", Map.of("reason", "重复申请")), 200);
        assertEquals(0, ok(api().get("/api/v1/disbursements?status=PENDING&fundCode=" + fund).as(committee).send(), 200)
                .get("items").size());
        assertProblem(api().get("/api/v1/disbursements?status=WAITING").as(committee).send(), 400);
        journal = journalSize();

        // #5 beyond the project's money; bad input names its field.
        refused(post(accountant, PROJECTS + "/" + code + "/disbursements", Map.of("budgetItem", LABOUR, "amount", "5000.00",
                "payee", "某", "purpose", "人工")), 422, "project-money-must-cover-disbursement", journal);
        ApiClient.Reply bad = post(accountant, PROJECTS + "/" + code + "/disbursements", Map.of("budgetItem", "不存在的",
                "amount", "1.234", "payee", "某", "purpose", "x"));
        assertProblem(bad, 400);
        assertEquals(List.of("amount"), errorFields(bad));
        refused(post(accountant, PROJECTS + "/" + code + "/disbursements", Map.of("budgetItem", "不存在的", "amount", "1.00",
                "payee", "某", "purpose", "x")), 422, "disbursement-budget-line-must-exist", journal);
        refused(api().post("/api/v1/disbursements/" + d3 + "/pay").as(accountant).send(), 400, "invalid-request", journal);

        JsonNode p = project(code);
        assertEquals("43000.00", p.get("disbursed").asText());
        assertEquals("0.00", p.get("reserved").asText());
        assertEquals("2000.00", p.get("available").asText());
        JsonNode lamps = line(p, LAMPS);
        assertEquals("31000.00", lamps.get("disbursed").asText());
        assertEquals("1000.00", lamps.get("overrunApproved").asText());
        assertEquals("0.00", lamps.get("remaining").asText());
        assertEquals("1000.00", lamps.get("variance").asText());
        JsonNode labour = line(p, LABOUR);
        assertEquals("12000.00", labour.get("disbursed").asText());
        assertEquals("8000.00", labour.get("remaining").asText());
        assertEquals("-8000.00", labour.get("variance").asText());
        figuresReconcile(fund, code);

        // Closing: results per goal, leftover returned, accepted by someone else than the completer.
        JsonNode completed = ok(post(accountant, PROJECTS + "/" + code + "/complete", Map.of("results", "道路硬化 300 米",
                "goalOutcomes", List.of("完成 300 米", "雨季无积水"))), 200);
        assertEquals("COMPLETED", completed.get("status").asText());
        assertEquals("完成 300 米", completed.get("closing").get("goalOutcomes").get(0).get("outcome").asText());
        journal = journalSize();
        refused(post(committee, PROJECTS + "/" + code + "/accept", null), 409, "project-leftover-must-be-disposed", journal);
        JsonNode returned = ok(post(committee, PROJECTS + "/" + code + "/leftover", Map.of("disposition", "RETURN_TO_FUND",
                "reason", "结余退回社区基金")), 200);
        assertEquals("0.00", returned.get("available").asText());
        assertEquals("2000.00", returned.get("leftoverOut").asText());
        assertEquals("RETURN_TO_FUND", returned.get("leftovers").get(0).get("disposition").asText());
        balances(fund);
        journal = journalSize();
        refused(post(accountant, PROJECTS + "/" + code + "/accept", null), 403, "forbidden", journal);
        JsonNode accepted = ok(post(committee, PROJECTS + "/" + code + "/accept", Map.of("reason", "验收合格")), 200);
        assertEquals("ACCEPTED", accepted.get("status").asText());
        balances(fund);
        long restricted = signedFen(balance(fund, "410102")) + signedFen(balance(fund, "3102"));
        assertEquals(0, restricted, "restricted net assets of the fund once the project is accepted with nothing left");

        // Closed for good.
        journal = journalSize();
        refused(post(accountant, PROJECTS + "/" + code + "/disbursements", Map.of("budgetItem", LABOUR, "amount", "1.00",
                "payee", "某", "purpose", "x")), 409, "project-state-must-allow-action", journal);
        Map<String, Object> late = DonationTestBase.gift(fund, "10.00");
        late.put("projectCode", code);
        assertProblem(api().post("/api/v1/donations").as(accountant).key(key()).body(late).send(), 422);
        assertEquals(journal, journalSize());

        List<String> actions = new ArrayList<>();
        ok(api().get(PROJECTS + "/" + code + "/events").as(auditor).send(), 200).get("items")
                .forEach(e -> actions.add(e.get("action").asText()));
        assertTrue(actions.containsAll(List.of("CREATE", "EDIT", "SUBMIT", "APPROVE", "CLOSE_FUNDRAISING",
                "DISBURSEMENT_REQUESTED", "DISBURSEMENT_APPROVED", "DISBURSEMENT_PAID", "DISBURSEMENT_REJECTED", "COMPLETE",
                "LEFTOVER_RETURNED", "ACCEPT")), actions::toString);
    }

    @Test
    @DisplayName("when a change to an approved plan is proposed then it comes into force only when someone else on the "
            + "committee approves it, and every version is kept")
    void planVersions() {
        String fund = newFund();
        String code = unique("P-");
        ok(post(accountant, PROJECTS, plan(fund, code, "需要")), 201);
        ok(post(accountant, PROJECTS + "/" + code + "/submit", null), 200);
        ok(post(committee, PROJECTS + "/" + code + "/approve", null), 200);

        Map<String, Object> changed = plan(fund, code, "需要");
        changed.put("budget", List.of(Map.of("item", LAMPS, "amount", "28000.00"), Map.of("item", LABOUR, "amount", "22000.00")));
        JsonNode proposed = ok(post(both, PROJECTS + "/" + code + "/plan-versions", Map.of("reason", "材料降价",
                "plan", changed)), 201);
        assertEquals(2, proposed.get("version").asInt());
        assertEquals("PROPOSED", proposed.get("status").asText());
        assertEquals("30000.00", line(project(code), LAMPS).get("amount").asText());
        assertEquals(409, post(accountant, PROJECTS + "/" + code + "/plan-versions", Map.of("reason", "再改", "plan", changed))
                .status());
        assertProblem(post(both, PROJECTS + "/" + code + "/plan-versions/2/approve", null), 403);
        assertProblem(post(committee, PROJECTS + "/" + code + "/plan-versions/9/approve", null), 404);
        Map<String, Object> broken = plan(fund, code, "需要");
        broken.put("targetAmount", "1.001");
        ApiClient.Reply bad = post(accountant, PROJECTS + "/" + code + "/plan-versions", Map.of("reason", "坏", "plan", broken));
        assertProblem(bad, 400);
        assertEquals(List.of("plan.targetAmount"), errorFields(bad));

        JsonNode inForce = ok(post(committee, PROJECTS + "/" + code + "/plan-versions/2/approve", Map.of("reason", "同意")), 200);
        assertTrue(inForce.get("inForce").asBoolean());
        JsonNode p = project(code);
        assertEquals(2, p.get("planVersion").asInt());
        assertEquals("28000.00", line(p, LAMPS).get("amount").asText());
        JsonNode versions = ok(api().get(PROJECTS + "/" + code + "/plan-versions").as(auditor).send(), 200).get("items");
        assertEquals(2, versions.size());
        assertEquals("APPROVED", versions.get(0).get("status").asText());
        assertEquals("30000.00", versions.get(0).get("budget").get(0).get("amount").asText());
        assertEquals("材料降价", versions.get(1).get("changeReason").asText());
        assertProblem(post(committee, PROJECTS + "/" + code + "/plan-versions/2/reject", Map.of("reason", "晚了")), 409);
    }

    @Test
    @DisplayName("when lifecycle calls carry bad input or name what does not exist then 400 or 404 names it and nothing is written")
    void badInput() {
        String fund = newFund();
        String code = unique("P-");
        ok(post(accountant, PROJECTS, plan(fund, code, "需要")), 201);
        long journal = journalSize();

        assertProblem(api().get("/api/v1/disbursements/abc").as(auditor).send(), 400);
        refused(approve(committee, 999_999, null), 404, "disbursement-must-exist", journal);
        refused(post(accountant, PROJECTS + "/NOPE/disbursements", Map.of("budgetItem", LAMPS, "amount", "1.00", "payee", "某",
                "purpose", "x")), 404, "project-must-exist", journal);
        ApiClient.Reply disposition = post(committee, PROJECTS + "/" + code + "/leftover", Map.of("disposition", "KEEP",
                "reason", "x"));
        assertProblem(disposition, 400);
        assertEquals(List.of("disposition"), errorFields(disposition));
        assertTrue(errorMessage(disposition, "disposition").contains("KEEP"), disposition::toString);
        ApiClient.Reply target = post(committee, PROJECTS + "/" + code + "/leftover", Map.of("disposition", "TRANSFER_TO_PROJECT",
                "reason", "x"));
        assertProblem(target, 400);
        assertEquals(List.of("targetProjectCode"), errorFields(target));
        ApiClient.Reply longReason = post(committee, "/api/v1/disbursements/1/reject", Map.of("reason", "很".repeat(401)));
        assertProblem(longReason, 400);
        assertEquals(List.of("reason"), errorFields(longReason));
        ApiClient.Reply noOutcomes = post(accountant, PROJECTS + "/" + code + "/complete", Map.of("results", "完成"));
        assertProblem(noOutcomes, 400);
        assertEquals(List.of("goalOutcomes"), errorFields(noOutcomes));
        ApiClient.Reply numberAmount = post(accountant, PROJECTS + "/" + code + "/disbursements", Map.of("budgetItem", LAMPS,
                "amount", 100, "payee", "某", "purpose", "x"));
        assertProblem(numberAmount, 400);
        Map<String, Object> otherFund = plan(newFund(), code, "需要");
        ApiClient.Reply moved = api().call("PUT", PROJECTS + "/" + code).as(accountant).body(otherFund).send();
        assertProblem(moved, 400);
        assertEquals(List.of("fundCode"), errorFields(moved));
        assertEquals(journal, journalSize());
        assertEquals("需要", project(code).get("need").asText());
    }
}
