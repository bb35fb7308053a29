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
            Map<String, Object> cash = gift(fund, "5000.00");
            cash.put("projectCode", g2);
            assertEquals(201, post(accountant, key(), cash).status());
            for (String project : List.of(g1, g2)) {
                assertEquals(200, api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant)
                        .body(Map.of()).send().status());
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
            Map<String, Object> gift = gift(fund, "5000.00");
            gift.put("projectCode", project);
            assertEquals(201, post(accountant, key(), gift).status());
            assertEquals(200, api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant).body(Map.of())
                    .send().status());

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
    @DisplayName("finding 4: a restriction lifted in the year the gift came is released inside income")
    class SameYearRelease {

        @Test
        @DisplayName("when a project spends 45,000.00 of this year's restricted gifts then 3102 stays at 0.00 (not −45,000.00): "
                + "Dr 410102 / Cr 410101")
        void releaseInsideIncome() {
            String fund = newFund();
            String project = raisingProject(fund);
            for (String amount : List.of("30000.00", "15000.00")) {
                Map<String, Object> gift = gift(fund, amount);
                gift.put("projectCode", project);
                assertEquals(201, post(accountant, key(), gift).status());
            }
            assertEquals(200, api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant).body(Map.of())
                    .send().status());
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
            for (String donorId : List.of("370102199001013333", "370102199001014444")) {
                Map<String, Object> gift = gift(fund, "1500.00");
                gift.put("projectCode", project);
                donor(gift).put("idNumber", donorId);
                assertEquals(201, post(accountant, key(), gift).status());
            }
            String restrictedBefore = fund(fund).path("restricted").asText();
            assertEquals(200, api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant).body(Map.of())
                    .send().status());
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
            for (String donorId : List.of("370102199001011111", "370102199001012222")) {
                Map<String, Object> gift = gift(fund, "1500.00");
                gift.put("projectCode", project);
                donor(gift).put("idNumber", donorId);
                assertEquals(201, post(accountant, key(), gift).status());
            }
            ApiClient.Reply closed = api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant)
                    .body(Map.of()).send();
            assertEquals(200, closed.status(), closed::toString);

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
            Map<String, Object> gift = gift(fund, "800.00");
            gift.put("projectCode", project);
            assertEquals(201, post(accountant, key(), gift).status());
            assertEquals(200, api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant).body(Map.of())
                    .send().status());
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

    void pay(String project, String amount) {
        pay(project, amount, "CASH");
    }

    void pay(String project, String amount, String form) {
        ApiClient.Reply requested = api().post("/api/v1/projects/" + project + "/disbursements").as(accountant)
                .body(Map.of("budgetItem", "路面硬化材料", "amount", amount, "payee", "某建材公司", "purpose", "水泥", "form", form))
                .send();
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
