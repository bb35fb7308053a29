package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The findings of issue 9 (restricted money booked as the 民非 system requires), each tried over HTTP as the user who
 * found it did, with the figures of the finding. Each case failed on the code as it was.
 */
@MicronautTest
@DisplayName("Restricted money: the findings of the bookings review")
class RestrictedMoneyFindingsTest extends DonationTestBase {

    @Nested
    @DisplayName("finding 1: goods are issued as goods, never paid as another project's cash")
    class Goods {

        @Test
        @DisplayName("when G1 holds goods worth 1,000.00 and G2 cash of 5,000.00 then G1 cannot pay cash, issues its goods "
                + "(Dr 5101 / Cr 1201), and G2 pays its 5,000.00")
        void goodsAreIssuedNotPaidAsCash() {
            String fund = newFund();
            String g1 = raisingProject(fund);
            String g2 = raisingProject(fund);
            Map<String, Object> goods = gift(fund, "1000.00");
            goods.put("projectCode", g1);
            goods.put("channel", "IN_KIND");
            goods.put("inKind", Map.of("description", "冬衣 50 件", "quantity", "50", "valuationBasis", "市场价"));
            assertEquals(201, post(accountant, key(), goods).status());
            restrictedGift(fund, g2, "5000.00");
            for (String project : List.of(g1, g2)) {
                closeFundraising(project);
            }

            ApiClient.Reply asCash = api().post("/api/v1/projects/" + g1 + "/disbursements").as(accountant)
                    .body(Map.of("budgetItem", "路面硬化材料", "amount", "1000.00", "payee", "居民", "purpose", "发放冬衣")).send();
            assertEquals(422, asCash.status(), asCash::toString);
            assertTrue(asCash.text("detail").contains("in goods"), asCash::toString);

            pay(g1, "1000.00", "GOODS");
            pay(g2, "5000.00", "CASH");
            Map<String, String> balances = balances(fund);
            assertEquals("0.00", balances.get("1201"), balances::toString);
            assertEquals("0.00", balances.get("1002"), balances::toString);
            assertEquals("6000.00", balances.get("5101"), balances::toString);
            JsonNode view = api().get("/api/v1/projects/" + g1).as(auditor).send().json();
            assertEquals("1000.00", view.path("goodsIssued").asText(), view::toString);
            assertEquals("0.00", view.path("holdings").path("goods").asText(), view::toString);
        }
    }

    @Nested
    @DisplayName("finding 2: manual entries do not get round the guards")
    class ManualEntries {

        @Test
        @DisplayName("when a project holds the fund's 5,000.00 then a manual fee of 1,000.00 from the bank is refused, the fund's "
                + "own 2,000.00 may be spent, and the project still pays out in full")
        void projectCashIsNotSpentByHand() {
            String fund = newFund();
            String project = raisingProject(fund);
            restrictedGift(fund, project, "5000.00");
            closeFundraising(project);

            ApiClient.Reply fee = manual(fund, List.of(debit("5201", "1000.00"), credit("1002", "1000.00")));
            assertEquals(422, fee.status(), fee::toString);
            assertEquals("https://mingzhang.org/problems/fund-money-must-cover-projects", fee.text("type"), fee::toString);
            assertEquals("0.00", balances(fund).get("5201"));

            assertEquals(201, post(accountant, key(), gift(fund, "2000.00")).status());
            assertEquals(201, manual(fund, List.of(debit("5201", "1000.00"), credit("1002", "1000.00"))).status());
            pay(project, "5000.00");
            Map<String, String> balances = balances(fund);
            assertEquals("1000.00", balances.get("1002"), balances::toString);
            assertEquals("0.00", balances.get("3101"), balances::toString);
        }

        @Test
        @DisplayName("when a manual entry touches 3102, 410102 or a pool's fund then it is refused naming the account, and "
                + "nothing is written")
        void restrictedAccountsAndPoolsAreNotTouchedByHand() {
            String fund = newFund();
            assertEquals(201, post(accountant, key(), gift(fund, "500.00")).status());
            ApiClient.Reply release = manual(fund, List.of(debit("3102", "100.00"), credit("3101", "100.00")));
            assertEquals(422, release.status(), release::toString);
            assertTrue(release.text("detail").contains("3102"), release::toString);
            ApiClient.Reply income = manual(fund, List.of(debit("1001", "100.00"), credit("410102", "100.00")));
            assertEquals(422, income.status(), income::toString);
            assertTrue(income.text("detail").contains("410102"), income::toString);
            String pool = matchingPool();
            ApiClient.Reply drain = manual(pool, List.of(debit("3101", "100.00"), credit("1002", "100.00")));
            assertEquals(422, drain.status(), drain::toString);
            assertEquals("https://mingzhang.org/problems/account-must-move-through-its-records", drain.text("type"), drain::toString);
            assertEquals("5000.00", balances(pool).get("1002"));
            assertEquals("0.00", balances(fund).get("3102"));
            assertEquals("0.00", balances(fund).get("1001"));
        }

        ApiClient.Reply manual(String fund, List<Map<String, Object>> postings) {
            return api().post("/api/v1/ledger/transactions").as(accountant).key(key())
                    .body(Map.of("fundCode", fund, "memo", "手工分录", "postings", postings)).send();
        }
    }

    @Nested
    @DisplayName("finding 3: refunds in part, and refunds of money already spent, booked as an obligation and settled")
    class Refunds {

        @Test
        @DisplayName("when a project has spent a 400.00 gift then refunding it leaves 3102 and 410102 at 0.00 (not −400.00): "
                + "the fund owes the donor, Dr 5201 / Cr 2209")
        void wholeRefundAfterSpending() {
            String fund = newFund();
            String project = raisingProject(fund);
            long spent = restrictedGift(fund, project, "400.00");
            restrictedGift(fund, project, "600.00");
            closeFundraising(project);
            pay(project, "1000.00");
            ApiClient.Reply refunded = refund(spent, Map.of("reason", "捐赠人撤回"));
            assertEquals(200, refunded.status(), refunded::toString);
            Map<String, String> balances = balances(fund);
            assertEquals("0.00", balances.get("3102"), balances::toString);
            assertEquals("0.00", balances.get("410102"), balances::toString);
            assertEquals("400.00", balances.get("5201"), balances::toString);
            assertEquals("400.00", balances.get("2209"), balances::toString);
        }

        @Test
        @DisplayName("when a project has spent a 1,000.00 gift then a refund of 400.00 is owed to the donor (Dr 5201 / Cr 2209), "
                + "3102 and 410102 stay at 0.00 (not −400.00), and the fund pays the donor once it has cash of its own")
        void refundAfterSpendingIsOwedAndPaid() {
            String fund = newFund();
            String project = raisingProject(fund);
            long gift = restrictedGift(fund, project, "1000.00");
            closeFundraising(project);
            pay(project, "1000.00");

            ApiClient.Reply refunded = refund(gift, Map.of("reason", "捐赠人要求退回部分", "amount", "400.00"));
            assertEquals(200, refunded.status(), refunded::toString);
            assertFigures(refunded.json(), Map.of("status", "RECEIVED", "refunded", "400.00", "refundOwed", "400.00"));
            assertFigures(refunded.json().path("refunds").get(0), Map.of("kind", "REFUND", "amount", "400.00",
                    "returned", "0.00", "owed", "400.00"));
            Map<String, String> balances = balances(fund);
            assertEquals("0.00", balances.get("3102"), balances::toString);
            assertEquals("0.00", balances.get("410102"), balances::toString);
            assertEquals("400.00", balances.get("5201"), balances::toString);
            assertEquals("400.00", balances.get("2209"), balances::toString);
            JsonNode view = api().get("/api/v1/projects/" + project).as(auditor).send().json();
            assertFigures(view, Map.of("raised", "1000.00", "refundedFromFund", "400.00", "available", "0.00"));

            ApiClient.Reply tooSoon = payOwed(gift, Map.of());
            assertEquals(422, tooSoon.status(), tooSoon::toString);
            assertEquals("https://mingzhang.org/problems/fund-money-must-cover-projects", tooSoon.text("type"), tooSoon::toString);
            assertEquals(201, post(accountant, key(), gift(fund, "500.00")).status());
            ApiClient.Reply paid = payOwed(gift, Map.of("note", "已转账退还"));
            assertEquals(200, paid.status(), paid::toString);
            assertFigures(paid.json(), Map.of("refundOwed", "0.00", "refunded", "400.00"));
            assertEquals("PAYMENT", paid.json().path("refunds").get(1).path("kind").asText(), paid::toString);
            balances = balances(fund);
            assertEquals("0.00", balances.get("2209"), balances::toString);
            assertEquals("100.00", balances.get("1002"), balances::toString);

            ApiClient.Reply rest = refund(gift, Map.of("reason", "余下部分也退回"));
            assertEquals(200, rest.status(), rest::toString);
            assertFigures(rest.json(), Map.of("status", "REFUNDED", "refunded", "1000.00", "refundOwed", "600.00"));
            ApiClient.Reply again = refund(gift, Map.of("reason", "再退"));
            assertEquals(409, again.status(), again::toString);
        }

        @Test
        @DisplayName("when a project still holds a gift then a refund of 300.00 of it goes back from its restricted income, and "
                + "more than is left of the gift is refused naming the amount")
        void partialRefundWhileHeld() {
            String fund = newFund();
            String project = raisingProject(fund);
            long gift = restrictedGift(fund, project, "1000.00");
            ApiClient.Reply refunded = refund(gift, Map.of("reason", "重复转账", "amount", "300.00"));
            assertEquals(200, refunded.status(), refunded::toString);
            assertFigures(refunded.json().path("refunds").get(0), Map.of("returned", "300.00", "owed", "0.00"));
            Map<String, String> balances = balances(fund);
            assertEquals("700.00", balances.get("410102"), balances::toString);
            assertEquals("700.00", balances.get("1002"), balances::toString);
            assertEquals("0.00", balances.get("2209"), balances::toString);
            assertEquals("700.00", api().get("/api/v1/projects/" + project).as(auditor).send().json().path("raised").asText());

            long before = journalSize();
            ApiClient.Reply tooMuch = refund(gift, Map.of("reason", "多退", "amount", "700.01"));
            assertEquals(422, tooMuch.status(), tooMuch::toString);
            assertEquals("amount", tooMuch.json().path("errors").get(0).path("field").asText(), tooMuch::toString);
            assertEquals(before, journalSize());
        }

        @Test
        @DisplayName("when a refund takes match money the project had spent then its fund owes the pool (2901 / 1901), and "
                + "the pool collects it once the fund has cash of its own")
        void poolReceivableIsCollected() {
            String fund = newFund();
            String pool = matchingPool();
            String project = raisingProject(fund, pool);
            long first = twoGiftsOf1500(fund, project, "370102199001015555", "370102199001016666");
            closeFundraising(project);
            pay(project, "3600.00");
            // Without the first gift the base is 1,500.00: 20% → 300.00 of the 600.00; the project spent it all, so its
            // fund owes the pool 300.00.
            assertEquals(200, refund(first, Map.of("reason", "捐赠人撤回")).status());
            assertEquals("300.00", balances(fund).get("2901"));
            assertEquals("300.00", balances(pool).get("1901"));
            JsonNode figures = pool(pool);
            assertFigures(figures, Map.of("settled", "600.00", "returned", "300.00", "receivable", "300.00", "available", "4400.00"));
            assertReconciles(figures);

            Map<String, Object> collect = Map.of("projectCode", project);
            ApiClient.Reply tooSoon = api().post("/api/v1/matching-pools/" + pool + "/collections").as(accountant).key(key())
                    .body(collect).send();
            assertEquals(422, tooSoon.status(), tooSoon::toString);
            assertEquals(201, post(accountant, key(), gift(fund, "300.00")).status());
            ApiClient.Reply collected = api().post("/api/v1/matching-pools/" + pool + "/collections").as(accountant).key(key())
                    .body(collect).send();
            assertEquals(201, collected.status(), collected::toString);
            assertFigures(collected.json(), Map.of("amount", "300.00", "stillOwed", "0.00"));
            assertEquals("0.00", balances(fund).get("2901"));
            assertFigures(pool(pool), Map.of("receivable", "0.00", "available", "4700.00"));
            assertReconciles(pool(pool));
        }
    }

    @Nested
    @DisplayName("finding 6: a pool's figures reconcile with its budget, and a match explains itself after a refund")
    class PoolFigures {

        @Test
        @DisplayName("when a settled project refunds a gift and the pool closes then budget = settled − returned + available "
                + "+ receivable + returned to the sponsor at each step, and the explanation shows the recomputed base and rate "
                + "beside the settled ones, with finalAmount what the project keeps")
        void poolReconcilesAndExplainsRefunds() {
            String fund = newFund();
            String pool = matchingPool();
            String project = raisingProject(fund, pool);
            long first = twoGiftsOf1500(fund, project, "370102199001017777", "370102199001018888");
            assertReconciles(pool(pool));
            closeFundraising(project);
            assertReconciles(pool(pool));
            // Settled: base 3,000.00 at 20% = 600.00. The refund leaves 1,500.00, still 20%: 300.00, and the project still
            // holds the match, so 300.00 goes back to the pool's bank.
            assertEquals(200, refund(first, Map.of("reason", "捐赠人撤回")).status());
            JsonNode match = api().get("/api/v1/projects/" + project + "/match").as(auditor).send().json();
            assertFigures(match, Map.of("base", "3000.00", "settledAmount", "600.00", "returned", "300.00",
                    "finalAmount", "300.00"));
            assertFigures(match.path("recomputed"), Map.of("base", "1500.00", "capped", "300.00", "entitled", "300.00"));
            assertEquals("0.20", match.path("recomputed").path("tier").path("rate").asText(), match::toString);
            assertEquals("0.20", match.path("tier").path("rate").asText(), match::toString);
            JsonNode figures = pool(pool);
            assertFigures(figures, Map.of("budget", "5000.00", "settled", "600.00", "returned", "300.00", "kept", "300.00",
                    "available", "4700.00", "receivable", "0.00", "returnedToSponsor", "0.00"));
            assertReconciles(figures);

            ApiClient.Reply closed = api().post("/api/v1/matching-pools/" + pool + "/close").as(accountant).key(key())
                    .body(Map.of()).send();
            assertEquals(200, closed.status(), closed::toString);
            assertFigures(closed.json(), Map.of("available", "0.00", "returnedToSponsor", "4700.00", "kept", "300.00"));
            assertReconciles(closed.json());
        }
    }

    @Nested
    @DisplayName("management fees are a feature of the plan, not a manual entry")
    class ManagementFees {

        @Test
        @DisplayName("when a plan allows 5% and the project raised 10,000.00 then 500.00 is charged once (Dr 5201 / Cr 1002, "
                + "Dr 410102 / Cr 410101), shows on the project, and a later 2,000.00 gift makes 100.00 more due")
        void feeFromThePlan() {
            String fund = newFund();
            String project = approved(draftProject(fund, java.time.Duration.ofDays(-30), java.time.Duration.ofDays(60), null,
                    "0.05"));
            restrictedGift(fund, project, "10000.00");
            ApiClient.Reply charged = api().post("/api/v1/projects/" + project + "/management-fees").as(accountant).key(key())
                    .body(Map.of()).send();
            assertEquals(201, charged.status(), charged::toString);
            assertFigures(charged.json(), Map.of("rate", "0.05", "raised", "10000.00", "allowed", "500.00", "amount", "500.00",
                    "chargedTotal", "500.00"));
            Map<String, String> balances = balances(fund);
            assertEquals("500.00", balances.get("5201"), balances::toString);
            assertEquals("9500.00", balances.get("1002"), balances::toString);
            assertEquals("9500.00", balances.get("410102"), balances::toString);
            assertEquals("500.00", balances.get("410101"), balances::toString);
            JsonNode view = api().get("/api/v1/projects/" + project).as(auditor).send().json();
            assertFigures(view, Map.of("managementFeeRate", "0.05", "managementFees", "500.00", "available", "9500.00"));

            ApiClient.Reply nothingDue = api().post("/api/v1/projects/" + project + "/management-fees").as(accountant).key(key())
                    .body(Map.of()).send();
            assertEquals(422, nothingDue.status(), nothingDue::toString);
            assertEquals("https://mingzhang.org/problems/project-fee-must-be-due", nothingDue.text("type"), nothingDue::toString);
            restrictedGift(fund, project, "2000.00");
            ApiClient.Reply more = api().post("/api/v1/projects/" + project + "/management-fees").as(accountant).key(key())
                    .body(Map.of()).send();
            assertEquals(201, more.status(), more::toString);
            assertFigures(more.json(), Map.of("amount", "100.00", "chargedBefore", "500.00", "chargedTotal", "600.00"));
        }

        @Test
        @DisplayName("when a plan asks a fee above 13% then it is refused naming managementFeeRate")
        void feeAboveTheCeiling() {
            String fund = newFund();
            Map<String, Object> plan = new java.util.LinkedHashMap<>();
            plan.put("code", unique("P"));
            plan.put("fundCode", fund);
            plan.put("title", "道路硬化");
            plan.put("category", "便民维修");
            plan.put("need", "土路泥泞");
            plan.put("goals", List.of("硬化道路"));
            plan.put("targetAmount", "1000.00");
            plan.put("budget", List.of(Map.of("item", "材料", "amount", "1000.00")));
            plan.put("plan", "施工");
            plan.put("team", List.of(Map.of("name", "王主任", "role", "负责人")));
            plan.put("fundraisingOpensAt", "2026-05-01T00:00:00+08:00");
            plan.put("fundraisingClosesAt", "2026-06-01T00:00:00+08:00");
            plan.put("managementFeeRate", "0.20");
            ApiClient.Reply refused = api().post("/api/v1/projects").as(accountant).body(plan).send();
            assertEquals(400, refused.status(), refused::toString);
            assertEquals("managementFeeRate", refused.json().path("errors").get(0).path("field").asText(), refused::toString);
        }
    }

    @Nested
    @DisplayName("finding 4: a restriction lifted in the year the gift came is released inside income")
    class SameYearRelease {

        @Test
        @DisplayName("when a project spends 45,000.00 of this year's restricted gifts then 3102 stays at 0.00 (not −45,000.00): "
                + "Dr 410102 / Cr 410101")
        void releaseInsideIncome() {
            String fund = newFund();
            String project = raisingProject(fund);
            for (String amount : List.of("30000.00", "15000.00")) {
                restrictedGift(fund, project, amount);
            }
            closeFundraising(project);
            pay(project, "45000.00");

            Map<String, String> balances = balances(fund);
            assertEquals("0.00", balances.get("3102"), balances::toString);
            assertEquals("0.00", balances.get("410102"), balances::toString);
            assertEquals("45000.00", balances.get("410101"), balances::toString);
            assertEquals("45000.00", balances.get("5101"), balances::toString);
            JsonNode release = transactions(fund).stream().filter(t -> t.path("kind").asText().equals("RELEASE")).findFirst()
                    .orElseThrow();
            assertEquals(List.of("410102 debit 45000.00", "410101 credit 45000.00"), lines(release), release::toString);
        }

        @Test
        @DisplayName("when a year has ended then its close books income into net assets, once, and the current year does not close")
        void yearEndClose() {
            String fund = newFund();
            Map<String, Object> lastYear = gift(fund, "100.00");
            lastYear.put("receivedAt", (java.time.Year.now(CHINA).getValue() - 1) + "-06-01T10:00:00+08:00");
            assertEquals(201, post(accountant, key(), lastYear).status());
            int year = java.time.Year.now(CHINA).getValue() - 1;

            ApiClient.Reply closed = api().post("/api/v1/ledger/funds/" + fund + "/year-end-close").as(accountant)
                    .body(Map.of("year", year)).send();
            assertEquals(201, closed.status(), closed::toString);
            assertEquals(1, closed.json().path("transactionIds").size(), closed::toString);
            assertEquals(year + "-12-31T23:59:59.999999+08:00", closed.text("closedThrough"), closed::toString);
            Map<String, String> balances = balances(fund);
            assertEquals("0.00", balances.get("410101"), balances::toString);
            assertEquals("100.00", balances.get("3101"), balances::toString);

            ApiClient.Reply again = api().post("/api/v1/ledger/funds/" + fund + "/year-end-close").as(accountant)
                    .body(Map.of("year", year)).send();
            assertEquals(409, again.status(), again::toString);
            ApiClient.Reply current = api().post("/api/v1/ledger/funds/" + fund + "/year-end-close").as(accountant)
                    .body(Map.of("year", year + 1)).send();
            assertEquals(422, current.status(), current::toString);
            ApiClient.Reply listed = api().get("/api/v1/ledger/funds/" + fund + "/year-end-closes").as(auditor).send();
            assertEquals(1, listed.json().path("items").size(), listed::toString);
        }
    }

    @Nested
    @DisplayName("finding 5: the federation's match stays its unrestricted money, designated for the project")
    class MatchIsDesignated {

        @Test
        @DisplayName("when a pool settles 600.00 for a project then the fund's restricted figure does not change and 310101 "
                + "holds the 600.00 for the project")
        void matchIsDesignatedNotRestricted() {
            String fund = newFund();
            String pool = matchingPool();
            String project = raisingProject(fund, pool);
            twoGiftsOf1500(fund, project, "370102199001013333", "370102199001014444");
            String restrictedBefore = fund(fund).path("restricted").asText();
            closeFundraising(project);
            assertEquals(restrictedBefore, fund(fund).path("restricted").asText());
            Map<String, String> balances = balances(fund);
            assertEquals("600.00", balances.get("310101"), balances::toString);
            assertEquals("0.00", balances.get("3102"), balances::toString);
            ApiClient.Reply view = api().get("/api/v1/projects/" + project).as(auditor).send();
            assertEquals("600.00", view.json().path("holdings").path("designated").asText(), view::toString);
            assertEquals("3000.00", view.json().path("holdings").path("restricted").asText(), view::toString);
        }
    }

    @Nested
    @DisplayName("finding 7: smaller points")
    class Smaller {

        @Test
        @DisplayName("when a match moves 600.00 from the pool's fund to the project's then its amount is 600.00 in each fund, "
                + "not 1,200.00")
        void crossFundAmountIsPerFund() {
            String fund = newFund();
            String pool = matchingPool();
            String project = raisingProject(fund, pool);
            twoGiftsOf1500(fund, project, "370102199001011111", "370102199001012222");
            closeFundraising(project);

            JsonNode match = transactions(fund).stream().filter(t -> t.path("kind").asText().equals("MATCH")).findFirst()
                    .orElseThrow();
            assertEquals("600.00", match.path("amount").asText(), match::toString);
            assertEquals(2, match.path("fundAmounts").size(), match::toString);
            match.path("fundAmounts").forEach(f -> assertEquals("600.00", f.path("amount").asText(), match::toString));
        }

        @Test
        @DisplayName("when a payment is approved then its reservation is listed as not booked, and the posted entries as booked")
        void pendingReservationIsMarkedNotBooked() {
            String fund = newFund();
            String project = raisingProject(fund);
            restrictedGift(fund, project, "800.00");
            closeFundraising(project);
            ApiClient.Reply requested = api().post("/api/v1/projects/" + project + "/disbursements").as(accountant)
                    .body(Map.of("budgetItem", "路面硬化材料", "amount", "300.00", "payee", "某建材公司", "purpose", "水泥"))
                    .send();
            assertEquals(201, requested.status(), requested::toString);
            ApiClient.Reply approved = api().post("/api/v1/disbursements/" + requested.text("id") + "/approve").as(committee)
                    .body(Map.of()).send();
            assertEquals(200, approved.status(), approved::toString);

            List<JsonNode> all = transactions(fund);
            JsonNode reservation = all.stream().filter(t -> t.path("phase").asText().equals("PENDING")).findFirst().orElseThrow();
            assertFalse(reservation.path("booked").asBoolean(true), reservation::toString);
            assertTrue(all.stream().filter(t -> t.path("phase").asText().equals("POSTED"))
                    .allMatch(t -> t.path("booked").asBoolean(false)), all::toString);
        }

        @Test
        @DisplayName("when a county federation without street funds opens a community fund under its county fund then it is "
                + "created")
        void communityUnderCity() {
            String county = newFund();
            ApiClient.Reply community = api().post("/api/v1/funds").as(ADMIN_TOKEN)
                    .body(Map.of("code", unique("C"), "name", "阳谷县某社区基金", "level", "COMMUNITY", "parentCode", county)).send();
            assertEquals(201, community.status(), community::toString);
        }
    }

    /**
     * Two gifts of 1,500.00 to a matched project from two donors (the test pool counts 1,500.00 of each gift and 2,000.00
     * of each donor: a base of 3,000.00, 20%, a match of 600.00). Returns the first gift's id.
     */
    long twoGiftsOf1500(String fund, String project, String firstDonorId, String secondDonorId) {
        long first = 0;
        for (String donorId : List.of(firstDonorId, secondDonorId)) {
            Map<String, Object> gift = gift(fund, "1500.00");
            gift.put("projectCode", project);
            donor(gift).put("idNumber", residentId(donorId.substring(0, 17)));
            ApiClient.Reply given = post(accountant, key(), gift);
            assertEquals(201, given.status(), given::toString);
            first = first == 0 ? given.json().path("id").asLong() : first;
        }
        return first;
    }

    long restrictedGift(String fund, String project, String amount) {
        Map<String, Object> gift = gift(fund, amount);
        gift.put("projectCode", project);
        ApiClient.Reply given = post(accountant, key(), gift);
        assertEquals(201, given.status(), given::toString);
        return given.json().path("id").asLong();
    }

    void closeFundraising(String project) {
        ApiClient.Reply closed = api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant)
                .body(Map.of()).send();
        assertEquals(200, closed.status(), closed::toString);
    }

    ApiClient.Reply refund(long gift, Map<String, Object> body) {
        return api().post(DONATIONS + "/" + gift + "/refund").as(accountant).key(key()).body(body).send();
    }

    ApiClient.Reply payOwed(long gift, Map<String, Object> body) {
        return api().post(DONATIONS + "/" + gift + "/refund-payments").as(accountant).key(key()).body(body).send();
    }

    JsonNode pool(String code) {
        ApiClient.Reply pool = api().get("/api/v1/matching-pools/" + code).as(auditor).send();
        assertEquals(200, pool.status(), pool::toString);
        return pool.json();
    }

    /** budget = settled − returned + available + receivable + returned to the sponsor, in fen. */
    static void assertReconciles(JsonNode pool) {
        long sum = fen(pool, "settled") - fen(pool, "returned") + fen(pool, "available") + fen(pool, "receivable")
                + fen(pool, "returnedToSponsor");
        assertEquals(fen(pool, "budget"), sum, pool::toString);
    }

    static long fen(JsonNode node, String field) {
        return org.mingzhang.money.Money.parse(node.path(field).asText()).fen();
    }

    static void assertFigures(JsonNode node, Map<String, String> expected) {
        expected.forEach((field, value) -> assertEquals(value, node.path(field).asText(), field + " in " + node));
    }

    void pay(String project, String amount) {
        pay(project, amount, "CASH");
    }

    /** A payment approved and made; a cash payment leaves {@code form} out, as clients written before it did. */
    void pay(String project, String amount, String form) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("budgetItem", "路面硬化材料", "amount", amount,
                "payee", "某建材公司", "purpose", "水泥"));
        if (!form.equals("CASH")) {
            body.put("form", form);
        }
        ApiClient.Reply requested = api().post("/api/v1/projects/" + project + "/disbursements").as(accountant).body(body).send();
        assertEquals(201, requested.status(), requested::toString);
        ApiClient.Reply approved = api().post("/api/v1/disbursements/" + requested.text("id") + "/approve").as(committee)
                .body(Map.of()).send();
        assertEquals(200, approved.status(), approved::toString);
        ApiClient.Reply paid = api().post("/api/v1/disbursements/" + requested.text("id") + "/pay").as(accountant).key(key())
                .body(Map.of()).send();
        assertEquals(200, paid.status(), paid::toString);
    }

    Map<String, String> balances(String fundCode) {
        ApiClient.Reply accounts = api().get("/api/v1/ledger/funds/" + fundCode + "/accounts").as(auditor).send();
        assertEquals(200, accounts.status(), accounts::toString);
        Map<String, String> balances = new java.util.TreeMap<>();
        accounts.json().path("items").forEach(a -> balances.put(a.path("code").asText(), a.path("balance").asText()));
        return balances;
    }

    static List<String> lines(JsonNode transaction) {
        List<String> lines = new ArrayList<>();
        transaction.path("postings").forEach(p -> lines.add(p.path("accountCode").asText() + " "
                + (p.path("debit").asText().equals("0.00") ? "credit " + p.path("credit").asText() : "debit " + p.path("debit").asText())));
        return lines;
    }

    List<JsonNode> transactions(String fundCode) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Reply page = api().get("/api/v1/ledger/transactions?fundCode=" + fundCode + "&limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)).as(auditor).send();
            assertEquals(200, page.status(), page::toString);
            page.json().path("items").forEach(items::add);
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);
        return items;
    }
}
