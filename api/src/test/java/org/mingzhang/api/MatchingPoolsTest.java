package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.api.matching.MatchPreviewResponse;
import org.mingzhang.api.matching.MatchingLimits;
import org.mingzhang.api.matching.MatchPreviews;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.user.Actor;

/**
 * Matching pools (配捐) over HTTP, end to end. A sponsor SEED fund is filled by a manual entry; a pool is
 * created from it and the budget is proven to have left the sponsor's bank for the pool's own fund. Projects
 * that name the pool are written, submitted and approved through the projects API; their gifts are recorded
 * through the ledger itself (the donations endpoint is not part of this suite). Each match is checked
 * against figures worked out by hand in the test: provisional while the project raises money, settled when
 * its fundraising closes (the pool's money down, the project's designated money up by the match: the federation's
 * unrestricted money, held for the project, not the donors' restricted money), and what is
 * left going back to the sponsor when the pool closes. Refusals answer the right problem and move nothing.
 */
@MicronautTest
class MatchingPoolsTest extends ApiTestBase {

    static final String POOLS = "/api/v1/matching-pools";
    static final String PROJECTS = "/api/v1/projects";
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @Inject
    Ledger ledger;

    @Inject
    MatchPreviews previews;

    String accountant;
    String committee;
    String auditor;
    Actor recorder;

    @BeforeAll
    void users() {
        accountant = userWith("ACCOUNTANT");
        committee = userWith("COMMITTEE");
        auditor = userWith("AUDITOR");
        ApiClient.Reply me = api().get("/api/v1/me").as(accountant).send();
        assertEquals(200, me.status(), me::toString);
        recorder = new Actor(me.json().get("id").asLong(), me.text("name"));
    }

    // --- what a client script does ------------------------------------------------------------------------

    static String daysFromNow(int days) {
        return OffsetDateTime.now(CHINA).plusDays(days).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A top-level SEED fund holding {@code amount} in the bank (Dr 1002 / Cr 410101); returns its code. */
    String sponsor(String amount) {
        String code = unique("S");
        ApiClient.Reply created = api().post("/api/v1/funds").as(accountant)
                .body(Map.of("code", code, "name", "县慈善总会种子基金 " + code, "level", "SEED")).send();
        assertEquals(201, created.status(), created::toString);
        ApiClient.Reply deposit = donate(accountant, code, amount);
        assertEquals(201, deposit.status(), deposit::toString);
        return code;
    }

    /**
     * A FLAT pool of 5000.00: 10% from 0, 20% from 1000.00, 30% from 3000.00; a gift counts for at most 1500.00,
     * a donor for at most 2000.00, a project gets at most 4000.00; repairs (便民维修) only; settled as each
     * project closes. A mutable map, so that a case can change it.
     */
    static Map<String, Object> flatPool(String code, String sponsorFundCode) {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("code", code);
        pool.put("name", "县慈善总会社区基金配捐");
        pool.put("sponsorFundCode", sponsorFundCode);
        pool.put("budget", "5000.00");
        pool.put("mode", "FLAT");
        pool.put("tiers", List.of(Map.of("minRaised", "0.00", "rate", "0.10"), Map.of("minRaised", "1000.00", "rate", "0.20"),
                Map.of("minRaised", "3000.00", "rate", "0.30")));
        pool.put("perProjectCap", "4000.00");
        pool.put("perDonationCap", "1500.00");
        pool.put("perDonorCap", "2000.00");
        pool.put("eligibleCategories", List.of("便民维修"));
        pool.put("opensAt", daysFromNow(-2));
        pool.put("closesAt", daysFromNow(60));
        pool.put("settlement", "AT_PROJECT_CLOSE");
        return pool;
    }

    ApiClient.Reply createPool(String token, String key, Map<String, Object> body) {
        return api().post(POOLS).as(token).key(key).body(body).send();
    }

    /** A pool created by the accountant; returns its code. */
    String pool(Map<String, Object> body) {
        ApiClient.Reply created = createPool(accountant, key(), body);
        assertEquals(201, created.status(), created::toString);
        return created.text("code");
    }

    JsonNode poolView(String code) {
        ApiClient.Reply reply = api().get(POOLS + "/" + code).as(auditor).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    ApiClient.Reply closePool(String code, String key) {
        return api().post(POOLS + "/" + code + "/close").as(accountant).key(key).send();
    }

    JsonNode fund(String code) {
        ApiClient.Reply reply = api().get("/api/v1/funds/" + code).as(auditor).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /**
     * A FUNDRAISING project of the fund that names the pool (or none), raising money since yesterday: the
     * accountant writes and submits it, the committee approves it.
     */
    String raisingProject(String fundCode, String poolCode) {
        String code = unique("P-");
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", code);
        plan.put("fundCode", fundCode);
        plan.put("title", "天星社区道路硬化");
        plan.put("category", "便民维修");
        plan.put("need", "小区北侧土路雨天泥泞，老人出行不便");
        plan.put("goals", List.of("硬化道路300米"));
        plan.put("targetAmount", "50000.00");
        plan.put("budget", List.of(Map.of("item", "路面硬化材料", "amount", "50000.00")));
        plan.put("plan", "募集后施工，完工后验收");
        plan.put("team", List.of(Map.of("name", "王主任", "role", "项目负责人")));
        plan.put("fundraisingOpensAt", daysFromNow(-1));
        plan.put("fundraisingClosesAt", daysFromNow(30));
        if (poolCode != null) {
            plan.put("matchingPoolCode", poolCode);
        }
        ApiClient.Reply created = api().post(PROJECTS).as(accountant).body(plan).send();
        assertEquals(201, created.status(), created::toString);
        assertEquals(200, move(accountant, code, "submit").status());
        assertEquals(200, move(committee, code, "approve").status());
        return code;
    }

    ApiClient.Reply move(String token, String project, String action) {
        return api().post(PROJECTS + "/" + project + "/" + action).as(token).send();
    }

    /** A gift of money to the project, received an hour ago, recorded through the ledger; returns the gift's id. */
    long give(String fundCode, String projectCode, String amount, String donorName, String phone) {
        Outcome<Gift> outcome = ledger.execute(new RecordGift(key(), recorder, fundCode, projectCode,
                org.mingzhang.money.Money.parsePositive(amount).fen(), Channel.BANK_TRANSFER,
                new Donor(donorName, DonorKind.PERSON, phone, null, null, false, false), null,
                OffsetDateTime.now(CHINA).minusHours(1).toInstant(), null));
        assertTrue(outcome.accepted(), outcome::toString);
        return outcome.value().id();
    }

    JsonNode match(String projectCode) {
        ApiClient.Reply reply = api().get(PROJECTS + "/" + projectCode + "/match").as(auditor).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    static void assertFigures(JsonNode json, Map<String, String> expected) {
        expected.forEach((field, value) -> assertEquals(value, json.get(field).asText(), () -> field + " in " + json));
    }

    // --- scenarios -------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("when an accountant creates a pool then its budget leaves the sponsor's bank for the pool's own SEED fund")
    class Create {

        @Test
        @DisplayName("when the sponsor holds the budget then 201 with the pool's figures, and the money has moved")
        void created() {
            String sponsor = sponsor("20000.00");
            String code = unique("YG-");
            long before = journalSize();

            ApiClient.Reply created = createPool(accountant, key(), flatPool(code, sponsor));

            assertEquals(201, created.status(), created::toString);
            assertEquals(POOLS + "/" + code, created.header("Location"));
            assertNull(created.header("Idempotent-Replayed"));
            assertFigures(created.json(), Map.of("code", code, "sponsorFundCode", sponsor, "poolFundCode", code,
                    "budget", "5000.00", "settled", "0.00", "returned", "0.00", "reserved", "0.00", "available", "5000.00"));
            assertFigures(created.json(), Map.of("status", "OPEN", "settlement", "AT_PROJECT_CLOSE", "ruleVersion", "1"));
            JsonNode rule = created.json().get("rule");
            assertEquals("FLAT", rule.get("mode").asText());
            assertEquals("1000.00", rule.get("tiers").get(1).get("minRaised").asText());
            assertEquals("0.20", rule.get("tiers").get(1).get("rate").asText());
            assertEquals("0.30", rule.get("tiers").get(2).get("rate").asText());
            assertEquals("4000.00", rule.get("perProjectCap").asText());
            assertEquals("1500.00", rule.get("perDonationCap").asText());
            assertEquals("2000.00", rule.get("perDonorCap").asText());
            assertEquals("便民维修", rule.get("eligibleCategories").get(0).asText());
            assertEquals(0, rule.get("eligibleFunds").size());
            assertFalse(rule.get("inKindEligible").asBoolean());
            assertTrue(rule.get("opensAt").asText().endsWith("+08:00"), rule::toString);
            assertEquals(0, created.json().get("abuseSignals").size());
            assertTrue(created.json().get("closedAt").isNull());
            assertEquals(created.json(), poolView(code), "what the writer answered is what storage holds");

            assertEquals("15000.00", fund(sponsor).get("cash").asText(), "the budget left the sponsor's bank");
            JsonNode poolFund = fund(code);
            assertEquals("SEED", poolFund.get("level").asText());
            assertEquals(sponsor, poolFund.get("parentCode").asText());
            assertEquals("5000.00", poolFund.get("cash").asText());
            assertEquals(before + 1, journalSize(), "one linked two-fund transaction");

            ApiClient.Reply list = api().get(POOLS).as(committee).send();
            assertEquals(200, list.status(), list::toString);
            assertTrue(list.json().get("nextCursor").isNull(), list::toString);
            boolean listed = false;
            for (JsonNode p : list.json().get("items")) {
                listed |= p.get("code").asText().equals(code);
            }
            assertTrue(listed, list::toString);
        }

        @Test
        @DisplayName("when the same request is sent again with its key then the same answer, marked as a replay, and nothing moves twice")
        void replay() {
            String sponsor = sponsor("20000.00");
            Map<String, Object> body = flatPool(unique("YG-"), sponsor);
            String key = key();
            ApiClient.Reply first = createPool(accountant, key, body);
            assertEquals(201, first.status(), first::toString);
            long before = journalSize();

            ApiClient.Reply again = createPool(accountant, key, body);

            assertEquals(201, again.status(), again::toString);
            assertEquals("true", again.header("Idempotent-Replayed"));
            assertEquals(first.header("Location"), again.header("Location"));
            assertEquals(first.json(), again.json());
            assertEquals(before, journalSize());
            assertEquals("15000.00", fund(sponsor).get("cash").asText());
        }

        @Test
        @DisplayName("when the key is reused for another pool then 409 and that pool does not exist")
        void keyReused() {
            String sponsor = sponsor("20000.00");
            String key = key();
            assertEquals(201, createPool(accountant, key, flatPool(unique("YG-"), sponsor)).status());
            long before = journalSize();
            String other = unique("YG-");

            ApiClient.Reply reply = createPool(accountant, key, flatPool(other, sponsor));

            assertProblem(reply, 409);
            assertEquals("idempotency-key-must-match-content", problemType(reply));
            assertProblem(api().get(POOLS + "/" + other).as(auditor).send(), 404);
            assertEquals(before, journalSize());
            assertEquals("15000.00", fund(sponsor).get("cash").asText());
        }

        @Test
        @DisplayName("when the sponsor cannot cover the budget then 422 on budget and nothing is written")
        void notCovered() {
            String sponsor = sponsor("20000.00");
            String code = unique("YG-");
            Map<String, Object> body = flatPool(code, sponsor);
            body.put("budget", "20000.01");
            long before = journalSize();

            ApiClient.Reply reply = createPool(accountant, key(), body);

            assertProblem(reply, 422);
            assertEquals("pool-budget-must-be-covered", problemType(reply));
            assertEquals(List.of("budget"), errorFields(reply));
            assertEquals(before, journalSize());
            assertEquals("20000.00", fund(sponsor).get("cash").asText());
            assertProblem(api().get(POOLS + "/" + code).as(auditor).send(), 404);
            assertProblem(api().get("/api/v1/funds/" + code).as(auditor).send(), 404);
        }

        @Test
        @DisplayName("when the code is taken by a pool or by a fund then 409 and nothing moves")
        void duplicateCode() {
            String sponsor = sponsor("20000.00");
            String code = pool(flatPool(unique("YG-"), sponsor));
            String otherFund = newFund();
            long before = journalSize();

            ApiClient.Reply samePool = createPool(accountant, key(), flatPool(code, sponsor));
            ApiClient.Reply fundCode = createPool(accountant, key(), flatPool(otherFund, sponsor));

            assertProblem(samePool, 409);
            assertEquals("pool-code-must-be-unique", problemType(samePool));
            assertProblem(fundCode, 409);
            assertEquals("pool-code-must-be-unique", problemType(fundCode));
            assertEquals(before, journalSize());
            assertEquals("15000.00", fund(sponsor).get("cash").asText());
        }

        @Test
        @DisplayName("when the sponsor or an eligible fund does not exist then 422 naming the field")
        void unknownFunds() {
            String sponsor = sponsor("20000.00");
            Map<String, Object> noSponsor = flatPool(unique("YG-"), "NO-SUCH-FUND");
            Map<String, Object> noEligible = flatPool(unique("YG-"), sponsor);
            noEligible.put("eligibleFunds", List.of(sponsor, "NO-SUCH-FUND"));

            ApiClient.Reply first = createPool(accountant, key(), noSponsor);
            ApiClient.Reply second = createPool(accountant, key(), noEligible);

            assertProblem(first, 422);
            assertEquals("fund-must-exist", problemType(first));
            assertEquals(List.of("sponsorFundCode"), errorFields(first));
            assertProblem(second, 422);
            assertEquals(List.of("eligibleFunds[1]"), errorFields(second));
            assertEquals("20000.00", fund(sponsor).get("cash").asText());
        }

        @Test
        @DisplayName("when an auditor creates a pool then 403, and without an Idempotency-Key 400; nothing moves")
        void refusedCallers() {
            String sponsor = sponsor("20000.00");
            String code = unique("YG-");

            ApiClient.Reply auditorReply = createPool(auditor, key(), flatPool(code, sponsor));
            ApiClient.Reply noKey = api().post(POOLS).as(accountant).body(flatPool(code, sponsor)).send();

            assertProblem(auditorReply, 403);
            assertProblem(noKey, 400);
            assertEquals(List.of("Idempotency-Key"), errorFields(noKey));
            assertProblem(api().get(POOLS + "/" + code).as(auditor).send(), 404);
            assertEquals("20000.00", fund(sponsor).get("cash").asText());
        }
    }

    @Nested
    @DisplayName("when a pool's request is malformed then 400 naming each wrong field, and nothing is written")
    class Invalid {

        ApiClient.Reply refused(Map<String, Object> body) {
            long before = journalSize();
            ApiClient.Reply reply = createPool(accountant, key(), body);
            assertProblem(reply, 400);
            assertEquals(before, journalSize());
            assertProblem(api().get(POOLS + "/" + body.get("code")).as(auditor).send(), 404);
            return reply;
        }

        @Test
        @DisplayName("when a rate has a fifth decimal then tiers[1].rate, quoting the value")
        void rateDecimals() {
            Map<String, Object> body = flatPool(unique("YG-"), sponsor("20000.00"));
            body.put("tiers", List.of(Map.of("minRaised", "0.00", "rate", "0.10"), Map.of("minRaised", "1000.00", "rate", "0.12345")));

            ApiClient.Reply reply = refused(body);

            assertEquals(List.of("tiers[1].rate"), errorFields(reply));
            assertTrue(errorMessage(reply, "tiers[1].rate").contains("0.12345"), reply::toString);
        }

        @Test
        @DisplayName("when the thresholds do not rise then tiers[2].minRaised")
        void tiersNotIncreasing() {
            Map<String, Object> body = flatPool(unique("YG-"), sponsor("20000.00"));
            body.put("tiers", List.of(Map.of("minRaised", "0.00", "rate", "0.10"), Map.of("minRaised", "1000.00", "rate", "0.20"),
                    Map.of("minRaised", "1000.00", "rate", "0.30")));

            ApiClient.Reply reply = refused(body);

            assertEquals(List.of("tiers[2].minRaised"), errorFields(reply));
            assertTrue(errorMessage(reply, "tiers[2].minRaised").contains("1000.00"), reply::toString);
        }

        @Test
        @DisplayName("when the budget is a JSON number then budget, saying amounts are strings")
        void budgetNumber() {
            Map<String, Object> body = flatPool(unique("YG-"), sponsor("20000.00"));
            body.put("budget", 5000.00);

            ApiClient.Reply reply = refused(body);

            assertEquals(List.of("budget"), errorFields(reply));
        }

        @Test
        @DisplayName("when many things are wrong then every one is named at once")
        void everything() {
            Map<String, Object> body = flatPool(unique("YG-"), sponsor("20000.00"));
            body.put("name", "名".repeat(MatchingLimits.NAME_CHARS_MAX + 1));
            body.put("mode", "STEP");
            body.put("tiers", List.of(Map.of("minRaised", "100.00", "rate", "0.30"), Map.of("minRaised", "1000.00", "rate", "0.20"),
                    Map.of("minRaised", "2000.001", "rate", "1.5")));
            body.put("perDonorCap", "0");
            body.put("opensAt", daysFromNow(10));
            body.put("closesAt", daysFromNow(5));
            body.remove("settlement");
            body.put("eligibleCategories", List.of("便民维修", " "));

            ApiClient.Reply reply = refused(body);

            assertEquals(List.of("name", "mode", "tiers[2].minRaised", "tiers[2].rate", "tiers[0].minRaised", "tiers[1].rate",
                    "perDonorCap", "eligibleCategories[1]", "closesAt", "settlement"), errorFields(reply), reply::toString);
        }
    }

    @Nested
    @DisplayName("when a FLAT pool matches one project then the match is provisional while it raises money, settles when "
            + "fundraising closes, and what is left returns to the sponsor when the pool closes")
    class FlatWalk {

        @Test
        void walk() {
            String sponsor = sponsor("20000.00");
            String poolCode = pool(flatPool(unique("YG-"), sponsor));
            String fundCode = newFund();
            String project = raisingProject(fundCode, poolCode);
            give(fundCode, project, "2000.00", "张三明", "13800000001");
            long refundedLater = give(fundCode, project, "800.00", "李四", "13800000002");
            give(fundCode, project, "1000.00", "张三明", "13800000001");

            // By hand: 张三明's 2000.00 counts for 1500.00 (per donation), his two gifts together for 2000.00 (per donor);
            // with 李四's 800.00 the base is 2800.00, which reaches the 1000.00 tier: 20% of 2800.00 is 560.00.
            JsonNode provisional = match(project);
            assertFigures(provisional, Map.ofEntries(Map.entry("projectCode", project), Map.entry("poolCode", poolCode),
                    Map.entry("ruleVersion", "1"), Map.entry("eligible", "true"), Map.entry("status", "PROVISIONAL"),
                    Map.entry("mode", "FLAT"), Map.entry("received", "3800.00"), Map.entry("removedByDonationCap", "500.00"),
                    Map.entry("removedByDonorCap", "500.00"), Map.entry("base", "2800.00"), Map.entry("computed", "560.00"),
                    Map.entry("removedByProjectCap", "0.00"), Map.entry("capped", "560.00"),
                    Map.entry("budgetAvailable", "5000.00"), Map.entry("removedByBudget", "0.00"),
                    Map.entry("finalAmount", "560.00"), Map.entry("returned", "0.00"), Map.entry("net", "560.00"),
                    Map.entry("giftsConsidered", "3")));
            assertEquals(1, provisional.get("tier").get("index").asInt());
            assertEquals("1000.00", provisional.get("tier").get("minRaised").asText());
            assertEquals("0.20", provisional.get("tier").get("rate").asText());
            assertTrue(provisional.get("bands").isNull());
            assertEquals(0, provisional.get("giftsExcluded").get("REFUNDED").asInt());
            assertEquals(0, provisional.get("giftsExcluded").get("OUTSIDE_WINDOW").asInt());
            assertTrue(provisional.get("settledAt").isNull());
            assertTrue(provisional.get("transactionId").isNull());
            assertFigures(poolView(poolCode), Map.of("reserved", "560.00", "available", "5000.00", "settled", "0.00"));
            assertEquals("3800.00", fund(fundCode).get("restricted").asText());

            ApiClient.Reply closed = move(accountant, project, "close-fundraising");
            assertEquals(200, closed.status(), closed::toString);

            JsonNode settled = match(project);
            assertFigures(settled, Map.of("status", "SETTLED", "base", "2800.00", "capped", "560.00",
                    "budgetAvailable", "5000.00", "finalAmount", "560.00", "returned", "0.00", "net", "560.00"));
            assertEquals("0.20", settled.get("tier").get("rate").asText());
            assertTrue(settled.get("settledAt").asText().endsWith("+08:00"), settled::toString);
            assertTrue(settled.get("transactionId").isNumber(), settled::toString);
            assertEquals("3800.00", fund(fundCode).get("restricted").asText(), "the match is not restricted money");
            ApiClient.Reply projectView = api().get("/api/v1/projects/" + project).as(accountant).send();
            assertEquals("560.00", projectView.json().get("holdings").get("designated").asText(), projectView::toString);
            assertFigures(poolView(poolCode), Map.of("settled", "560.00", "reserved", "0.00", "available", "4440.00"));
            assertEquals("4440.00", fund(poolCode).get("cash").asText());

            // A refund after settlement recomputes the match: without 李四 the base is 2000.00, still 20%: 400.00,
            // so 160.00 goes back to the pool. The explanation keeps the settled figures, shows beside them the recomputed
            // base, tier and entitlement, and finalAmount is what the project keeps now.
            Outcome<Gift> refund = ledger.execute(new RefundGift(key(), recorder, refundedLater, "捐赠人要求退回"));
            assertTrue(refund.accepted(), refund::toString);
            JsonNode afterRefund = match(project);
            assertFigures(afterRefund, Map.of("status", "SETTLED", "base", "2800.00", "settledAmount", "560.00",
                    "returned", "160.00", "finalAmount", "400.00", "net", "400.00"));
            assertFigures(afterRefund.get("recomputed"), Map.of("received", "3000.00", "base", "2000.00", "capped", "400.00",
                    "entitled", "400.00"));
            assertEquals("0.20", afterRefund.get("recomputed").get("tier").get("rate").asText());
            assertEquals(1, afterRefund.get("tier").get("index").asInt());
            assertEquals(1, afterRefund.get("giftsExcluded").get("REFUNDED").asInt());
            assertEquals(String.valueOf(refundedLater), afterRefund.get("abuseSignals").get(0).get("giftId").asText());
            assertEquals("REFUNDED_AFTER_SETTLEMENT", afterRefund.get("abuseSignals").get(0).get("signals").get(0).asText());
            JsonNode pool = poolView(poolCode);
            // budget 5000.00 = settled 560.00 − returned 160.00 + available 4600.00 + receivable 0 + returned to the sponsor 0
            assertFigures(pool, Map.of("settled", "560.00", "returned", "160.00", "kept", "400.00", "available", "4600.00",
                    "receivable", "0.00", "returnedToSponsor", "0.00"));
            assertEquals(project, pool.get("abuseSignals").get(0).get("projectCode").asText());

            String closeKey = key();
            ApiClient.Reply poolClosed = closePool(poolCode, closeKey);
            assertEquals(200, poolClosed.status(), poolClosed::toString);
            // 5000.00 = 560.00 − 160.00 + 0 + 0 + 4600.00
            assertFigures(poolClosed.json(), Map.of("status", "CLOSED", "available", "0.00", "settled", "560.00",
                    "kept", "400.00", "returnedToSponsor", "4600.00"));
            assertTrue(poolClosed.json().get("closedAt").asText().endsWith("+08:00"), poolClosed::toString);
            assertEquals("19600.00", fund(sponsor).get("cash").asText(), "20000.00 − 5000.00 + the 4600.00 left");
            assertEquals("0.00", fund(poolCode).get("cash").asText());

            long before = journalSize();
            ApiClient.Reply replayed = closePool(poolCode, closeKey);
            assertEquals(200, replayed.status(), replayed::toString);
            assertEquals("true", replayed.header("Idempotent-Replayed"));
            assertEquals("CLOSED", replayed.text("status"));
            ApiClient.Reply twice = closePool(poolCode, key());
            assertProblem(twice, 409);
            assertEquals("pool-must-be-open", problemType(twice));
            assertEquals(before, journalSize());
            assertEquals("19600.00", fund(sponsor).get("cash").asText());
        }

        @Test
        @DisplayName("when an auditor closes a pool then 403, and an unknown pool is 404")
        void refusedClose() {
            String poolCode = pool(flatPool(unique("YG-"), sponsor("20000.00")));

            assertProblem(api().post(POOLS + "/" + poolCode + "/close").as(auditor).key(key()).send(), 403);
            ApiClient.Reply unknown = closePool("NO-SUCH-POOL", key());
            assertProblem(unknown, 404);
            assertEquals("OPEN", poolView(poolCode).get("status").asText());
        }
    }

    @Nested
    @DisplayName("when a MARGINAL pool matches a project then each band is matched at its own rate")
    class Marginal {

        @Test
        void bands() {
            Map<String, Object> body = flatPool(unique("YG-"), sponsor("20000.00"));
            body.put("mode", "MARGINAL");
            String poolCode = pool(body);
            String fundCode = newFund();
            String project = raisingProject(fundCode, poolCode);
            give(fundCode, project, "1500.00", "张三明", "13800000001");
            give(fundCode, project, "1500.00", "李四", "13800000002");
            give(fundCode, project, "500.00", "王五", "13800000003");

            // By hand: base 3500.00: 10% of the first 1000.00, 20% of the next 2000.00, 30% of the last 500.00.
            JsonNode m = match(project);
            assertFigures(m, Map.of("mode", "MARGINAL", "base", "3500.00", "computed", "650.00", "finalAmount", "650.00"));
            assertTrue(m.get("tier").isNull());
            JsonNode bands = m.get("bands");
            assertEquals(3, bands.size());
            assertFigures(bands.get(0), Map.of("from", "0.00", "to", "1000.00", "rate", "0.10", "amountInBand", "1000.00",
                    "matchInBand", "100.00"));
            assertFigures(bands.get(1), Map.of("from", "1000.00", "to", "3000.00", "rate", "0.20", "amountInBand", "2000.00",
                    "matchInBand", "400.00"));
            assertFigures(bands.get(2), Map.of("from", "3000.00", "rate", "0.30", "amountInBand", "500.00", "matchInBand", "150.00"));
            assertTrue(bands.get(2).get("to").isNull());

            assertEquals(200, move(accountant, project, "close-fundraising").status());
            JsonNode settled = match(project);
            assertEquals("SETTLED", settled.get("status").asText());
            assertEquals(m.get("bands"), settled.get("bands"), "the settled base gives the same bands");
        }
    }

    @Nested
    @DisplayName("when a pool settles pro rata then it settles at its own close, scaled to what it holds")
    class ProRata {

        @Test
        void scaled() {
            String sponsor = sponsor("1000.00");
            Map<String, Object> body = flatPool(unique("YG-"), sponsor);
            body.put("budget", "200.00");
            body.put("tiers", List.of(Map.of("minRaised", "0.00", "rate", "0.10")));
            body.put("settlement", "PRO_RATA_AT_POOL_CLOSE");
            String poolCode = pool(body);
            String fundCode = newFund();
            String first = raisingProject(fundCode, poolCode);
            String second = raisingProject(fundCode, poolCode);
            give(fundCode, first, "1500.00", "张三明", "13800000001");
            give(fundCode, first, "500.00", "李四", "13800000002");
            give(fundCode, second, "1000.00", "王五", "13800000003");

            ApiClient.Reply early = closePool(poolCode, key());
            assertProblem(early, 409);
            assertEquals("pool-projects-must-have-closed-fundraising", problemType(early));
            assertTrue(early.text("detail").contains(first), early::toString);

            assertEquals(200, move(accountant, first, "close-fundraising").status());
            assertEquals(200, move(accountant, second, "close-fundraising").status());
            assertEquals("PROVISIONAL", match(first).get("status").asText(), "a pro-rata pool settles only when it closes");

            // By hand: 200.00 and 100.00 are asked of 200.00: 200 × 2/3 = 133.33 and 100 × 2/3 = 66.66, rounded down;
            // the 0.01 left over goes back to the sponsor with the pool.
            ApiClient.Reply closed = closePool(poolCode, key());
            assertEquals(200, closed.status(), closed::toString);
            assertFigures(match(first), Map.of("status", "SETTLED", "capped", "200.00", "removedByBudget", "66.67",
                    "finalAmount", "133.33"));
            assertFigures(match(second), Map.of("status", "SETTLED", "capped", "100.00", "finalAmount", "66.66"));
            assertFigures(closed.json(), Map.of("status", "CLOSED", "settled", "199.99", "available", "0.00"));
            assertEquals("800.01", fund(sponsor).get("cash").asText());
        }
    }

    @Nested
    @DisplayName("when a project's match is asked for then it sits beside the project's own routes")
    class ProjectRoutes {

        @Test
        @DisplayName("when the project is unknown or names no pool then 404 saying which, and the project itself still reads")
        void notFound() {
            String plain = raisingProject(newFund(), null);

            ApiClient.Reply unknown = api().get(PROJECTS + "/NO-SUCH-PROJECT/match").as(auditor).send();
            ApiClient.Reply noPool = api().get(PROJECTS + "/" + plain + "/match").as(auditor).send();

            assertProblem(unknown, 404);
            assertEquals("project-must-exist", problemType(unknown));
            assertProblem(noPool, 404);
            assertEquals("project-must-name-a-pool", problemType(noPool));
            assertEquals(200, api().get(PROJECTS + "/" + plain).as(auditor).send().status());
            assertNull(previews.preview(plain));
        }

        @Test
        @DisplayName("when another answer wants the match in short then the preview agrees with the explanation")
        void preview() {
            String poolCode = pool(flatPool(unique("YG-"), sponsor("20000.00")));
            String fundCode = newFund();
            String project = raisingProject(fundCode, poolCode);
            give(fundCode, project, "500.00", "张三明", "13800000001");

            MatchPreviewResponse preview = previews.preview(project);

            assertNotNull(preview);
            assertEquals(poolCode, preview.poolCode());
            assertEquals("PROVISIONAL", preview.status());
            assertEquals("500.00", preview.base());
            assertEquals("50.00", preview.provisionalMatch());
            assertEquals("0.10", preview.rate());
            assertNull(preview.bands());
            assertEquals(match(project).get("finalAmount").asText(), preview.provisionalMatch());
        }
    }
}
