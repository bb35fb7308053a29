package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the donation scenarios share: an accountant, a committee member and an auditor; projects opened
 * through the projects API and moved to FUNDRAISING by two different people; a gift body to vary; and
 * counts of what the ledger holds, to prove that a refusal wrote nothing.
 */
abstract class DonationTestBase extends ApiTestBase {

    static final String DONATIONS = "/api/v1/donations";
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    String accountant;
    String committee;
    String auditor;

    @BeforeAll
    void donationUsers() {
        accountant = userWith("ACCOUNTANT");
        committee = userWith("COMMITTEE");
        auditor = userWith("AUDITOR");
    }

    /**
     * An hour ago in China Standard Time, to the second, as a client writes it; in the first hour of a year, its first
     * second instead, so that a gift and the payments made of it just after fall in one year (money of a year that has
     * ended is spent only once the year is closed).
     */
    static String anHourAgo() {
        OffsetDateTime now = OffsetDateTime.now(CHINA);
        OffsetDateTime hourAgo = now.minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime yearStart = now.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
        return (hourAgo.isBefore(yearStart) ? yearStart : hourAgo).toString();
    }

    /** The receipt year of a gift received at this time: the year in China Standard Time. */
    static int receiptYear(String receivedAt) {
        return OffsetDateTime.parse(receivedAt).atZoneSameInstant(CHINA).getYear();
    }

    /** A project of the fund, written by the accountant; DRAFT. Its window runs from {@code opensIn} for {@code length}. */
    String draftProject(String fundCode, Duration opensIn, Duration length) {
        return draftProject(fundCode, opensIn, length, null);
    }

    /** A DRAFT project as above that applies to a matching pool (配捐), when one is named. */
    String draftProject(String fundCode, Duration opensIn, Duration length, String poolCode) {
        return draftProject(fundCode, opensIn, length, poolCode, null);
    }

    /** A DRAFT project as above whose plan lets the federation charge a management fee at {@code feeRate} ("0.05"). */
    String draftProject(String fundCode, Duration opensIn, Duration length, String poolCode, String feeRate) {
        String code = unique("P");
        OffsetDateTime opens = OffsetDateTime.now(CHINA).plus(opensIn).truncatedTo(ChronoUnit.SECONDS);
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
        plan.put("fundraisingOpensAt", opens.toString());
        plan.put("fundraisingClosesAt", opens.plus(length).toString());
        if (poolCode != null) {
            plan.put("matchingPoolCode", poolCode);
        }
        if (feeRate != null) {
            plan.put("managementFeeRate", feeRate);
        }
        ApiClient.Reply created = api().post("/api/v1/projects").as(accountant).body(plan).send();
        assertEquals(201, created.status(), created::toString);
        return code;
    }

    /** A FUNDRAISING project whose window is open now: submitted by the accountant, approved by the committee. */
    String raisingProject(String fundCode) {
        return approved(draftProject(fundCode, Duration.ofDays(-30), Duration.ofDays(60)));
    }

    /** A FUNDRAISING project whose window is open now and whose raising the pool matches. */
    String raisingProject(String fundCode, String poolCode) {
        return approved(draftProject(fundCode, Duration.ofDays(-30), Duration.ofDays(60), poolCode));
    }

    /**
     * A FLAT matching pool of 5000.00 from a new SEED fund that holds it: 10% from the first yuan, 20% from
     * 1000.00; repairs (便民维修) only. Returns its code.
     */
    String matchingPool() {
        String sponsor = unique("S");
        ApiClient.Reply seed = api().post("/api/v1/funds").as(accountant)
                .body(Map.of("code", sponsor, "name", "县慈善总会种子基金", "level", "SEED")).send();
        assertEquals(201, seed.status(), seed::toString);
        assertEquals(201, donate(accountant, sponsor, "5000.00").status());
        String code = unique("YG-");
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("code", code);
        pool.put("name", "县慈善总会社区基金配捐");
        pool.put("sponsorFundCode", sponsor);
        pool.put("budget", "5000.00");
        pool.put("mode", "FLAT");
        pool.put("tiers", List.of(Map.of("minRaised", "0.00", "rate", "0.10"), Map.of("minRaised", "1000.00", "rate", "0.20")));
        pool.put("perProjectCap", "4000.00");
        pool.put("perDonationCap", "1500.00");
        pool.put("perDonorCap", "2000.00");
        pool.put("eligibleCategories", List.of("便民维修"));
        pool.put("opensAt", OffsetDateTime.now(CHINA).minusDays(40).truncatedTo(ChronoUnit.SECONDS).toString());
        pool.put("closesAt", OffsetDateTime.now(CHINA).plusDays(60).truncatedTo(ChronoUnit.SECONDS).toString());
        pool.put("settlement", "AT_PROJECT_CLOSE");
        ApiClient.Reply created = api().post("/api/v1/matching-pools").as(accountant).key(key()).body(pool).send();
        assertEquals(201, created.status(), created::toString);
        return code;
    }

    /** A FUNDRAISING project whose window closed two days ago. */
    String closedWindowProject(String fundCode) {
        return approved(draftProject(fundCode, Duration.ofDays(-30), Duration.ofDays(28)));
    }

    String approved(String code) {
        ApiClient.Reply submitted = api().post("/api/v1/projects/" + code + "/submit").as(accountant).body(Map.of()).send();
        assertEquals(200, submitted.status(), submitted::toString);
        ApiClient.Reply approved = api().post("/api/v1/projects/" + code + "/approve").as(committee)
                .body(Map.of("reason", "预算与居民议事会决议一致")).send();
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("FUNDRAISING", approved.text("status"), approved::toString);
        return code;
    }

    /** A bank transfer from a person, unrestricted; a mutable map so that a case can change or break it. */
    static Map<String, Object> gift(String fundCode, String amount) {
        Map<String, Object> donor = new LinkedHashMap<>();
        donor.put("name", "张三明");
        donor.put("kind", "PERSON");
        donor.put("phone", "13800000000");
        donor.put("idNumber", "370102199001011231");
        donor.put("anonymous", false);
        donor.put("publicNameConsent", false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fundCode", fundCode);
        body.put("amount", amount);
        body.put("channel", "BANK_TRANSFER");
        body.put("donor", donor);
        body.put("receivedAt", anHourAgo());
        body.put("note", "五月捐赠");
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> donor(Map<String, Object> gift) {
        return (Map<String, Object>) gift.get("donor");
    }

    ApiClient.Reply post(String token, String idempotencyKey, Object body) {
        ApiClient.Call call = api().post(DONATIONS).as(token).body(body);
        if (idempotencyKey != null) {
            call.key(idempotencyKey);
        }
        return call.send();
    }

    /** Every gift of the fund, following the cursor through as many pages as it takes. */
    List<JsonNode> giftsOf(String fundCode) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Reply page = api().get(DONATIONS + "?fundCode=" + fundCode + "&limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)).as(auditor).send();
            assertEquals(200, page.status(), page::toString);
            page.json().get("items").forEach(all::add);
            cursor = page.text("nextCursor");
        } while (cursor != null);
        return all;
    }

    JsonNode fund(String fundCode) {
        ApiClient.Reply reply = api().get("/api/v1/funds/" + fundCode).as(auditor).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    JsonNode trialBalance(String fundCode) {
        ApiClient.Reply reply = api().get("/api/v1/ledger/funds/" + fundCode + "/trial-balance").as(auditor).send();
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(reply.text("totalDebit"), reply.text("totalCredit"), "a trial balance balances");
        return reply.json();
    }
}
