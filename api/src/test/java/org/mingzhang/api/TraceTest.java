package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.api.verify.VerifyCommand;

/**
 * The public trace of a gift, end to end over HTTP, on API.md's worked shape: a 4,000.00 gift of 20,000.00 raised, with
 * its share of a 4,000.00 match (20%), put 4,800.00 of 24,000.00 in; a 12,000.00 payment uses 2,400.00 of it (2,000.00
 * of the gift's own money and 400.00 of its match share), and 2,400.00 is unspent. The donor is masked and the payee (a
 * person) never appears. Once an accountant publishes a checkpoint, the saved answer passes the offline check ({@code
 * verify}); the same answer with its amount changed fails it. A gift booked after the checkpoint has no leaf index or path
 * yet. Codes are read however a donor types them; anything that cannot be a code is a 400, an unknown one a 404.
 */
@MicronautTest
class TraceTest extends ApiTestBase {

    static final String TRACE = "/api/v1/public/trace/";
    static final String PAYEE = "王建国";

    String accountant;
    String committee;
    String fund;
    String project;
    String traced;

    static String daysFromNow(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(days).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    ApiClient.Reply ok(ApiClient.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        return reply;
    }

    String give(String projectCode, String amount, String name) {
        Map<String, Object> gift = DonationTestBase.gift(fund, amount);
        gift.put("projectCode", projectCode);
        DonationTestBase.donor(gift).put("name", name);
        return ok(api().post("/api/v1/donations").as(accountant).key(key()).body(gift).send(), 201).text("traceCode");
    }

    @BeforeAll
    void worked() {
        accountant = userWith("ACCOUNTANT");
        committee = userWith("COMMITTEE");
        String sponsor = unique("S");
        ok(api().post("/api/v1/funds").as(accountant).body(Map.of("code", sponsor, "name", "种子基金 " + sponsor, "level", "SEED"))
                .send(), 201);
        ok(donate(accountant, sponsor, "100000.00"), 201);
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("code", unique("YG-"));
        pool.put("name", "种子基金配捐");
        pool.put("sponsorFundCode", sponsor);
        pool.put("budget", "50000.00");
        pool.put("mode", "FLAT");
        pool.put("tiers", List.of(Map.of("minRaised", "0.00", "rate", "0.20")));
        pool.put("opensAt", daysFromNow(-2));
        pool.put("closesAt", daysFromNow(60));
        pool.put("settlement", "AT_PROJECT_CLOSE");
        String poolCode = ok(api().post("/api/v1/matching-pools").as(accountant).key(key()).body(pool).send(), 201).text("code");

        fund = newFund();
        project = unique("P-");
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", project);
        plan.put("fundCode", fund);
        plan.put("title", "天星社区道路硬化");
        plan.put("category", "便民维修");
        plan.put("need", "小区北侧土路雨天泥泞");
        plan.put("goals", List.of("硬化道路300米"));
        plan.put("targetAmount", "30000.00");
        plan.put("budget", List.of(Map.of("item", "路面硬化材料", "amount", "30000.00")));
        plan.put("plan", "募集后施工");
        plan.put("team", List.of(Map.of("name", "王主任", "role", "项目负责人")));
        plan.put("fundraisingOpensAt", daysFromNow(-1));
        plan.put("fundraisingClosesAt", daysFromNow(30));
        plan.put("matchingPoolCode", poolCode);
        ok(api().post("/api/v1/projects").as(accountant).body(plan).send(), 201);
        ok(api().post("/api/v1/projects/" + project + "/submit").as(accountant).send(), 200);
        ok(api().post("/api/v1/projects/" + project + "/approve").as(committee).send(), 200);

        traced = give(project, "4000.00", "张三明");
        give(project, "16000.00", "李四海");
        ok(api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant).send(), 200);
        String id = ok(api().post("/api/v1/projects/" + project + "/disbursements").as(accountant).body(Map.of(
                "budgetItem", "路面硬化材料", "amount", "12000.00", "payee", PAYEE, "purpose", "水泥和砂石")).send(), 201).text("id");
        ok(api().post("/api/v1/disbursements/" + id + "/approve").as(committee).body(Map.of()).send(), 200);
        ok(api().post("/api/v1/disbursements/" + id + "/pay").as(accountant).key(key()).body(Map.of()).send(), 200);
        ok(api().post("/api/v1/ledger/checkpoints").as(accountant).send(), 201);
    }

    @Nested
    @DisplayName("when a donor opens the trace of their gift")
    class Worked {

        @Test
        @DisplayName("then it shows the gift, its match share, its 2,400.00 part of the payment and 2,400.00 unspent, to the fen")
        void figures() {
            JsonNode t = ok(api().get(TRACE + traced).send(), 200).json();
            assertEquals(traced, t.get("traceCode").asText());
            JsonNode d = t.get("donation");
            assertEquals("4000.00", d.get("amount").asText());
            assertEquals("0.00", d.get("refunded").asText());
            assertEquals("张*明", d.get("donor").asText());
            assertEquals(fund, d.get("fund").asText());
            assertEquals(project, d.get("project").asText());
            assertEquals("天星社区道路硬化", d.get("projectName").asText());
            assertTrue(d.get("receiptNo").asText().startsWith(fund + "-"), d::toString);
            assertEquals("800.00", t.get("match").get("amount").asText());
            assertEquals("种子基金配捐", t.get("match").get("poolName").asText());
            assertEquals(1, t.get("uses").size(), t::toString);
            JsonNode use = t.get("uses").get(0);
            assertEquals("PAYMENT", use.get("kind").asText());
            assertEquals("2400.00", use.get("amount").asText());
            assertEquals("2000.00", use.get("fromGift").asText());
            assertEquals("400.00", use.get("fromMatch").asText());
            assertEquals("水泥和砂石", use.get("purpose").asText());
            assertEquals("路面硬化材料", use.get("budgetItem").asText());
            assertTrue(use.get("disbursementId").isNumber());
            assertEquals("2400.00", t.get("unspent").asText());
            assertEquals("IN_PROGRESS", t.get("projectStatus").asText());
            assertFalse(t.get("projectStale").asBoolean());
        }

        @Test
        @DisplayName("then no phone, ID number, full name or payee is anywhere in the answer")
        void privacy() {
            String body = ok(api().get(TRACE + traced).send(), 200).body();
            for (String secret : List.of("13800000000", "370102199001011231", "张三明", PAYEE, "李四海")) {
                assertFalse(body.contains(secret), secret + " in " + body);
            }
        }

        @Test
        @DisplayName("then the saved answer passes the offline check, and fails it once its amount is changed")
        void offline() throws Exception {
            Path dir = Files.createTempDirectory("trace-");
            Path answer = dir.resolve("trace.json");
            Files.writeString(answer, ok(api().get(TRACE + traced).send(), 200).body());
            Path key = dir.resolve("key.txt");
            Files.writeString(key, ok(api().get("/api/v1/public/key").send(), 200).body());
            assertEquals(VerifyCommand.VERIFIED, verify(answer, key));

            ObjectMapper json = new ObjectMapper();
            ObjectNode tampered = (ObjectNode) json.readTree(answer.toFile());
            ((ObjectNode) tampered.get("donation")).put("amount", "40000.00");
            Path changed = dir.resolve("changed.json");
            json.writeValue(changed.toFile(), tampered);
            assertEquals(VerifyCommand.FAILED, verify(changed, key));
        }

        int verify(Path answer, Path key) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = VerifyCommand.run(List.of(answer.toString(), key.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            return code;
        }

        @Test
        @DisplayName("then the code may be typed in lower case, without dashes, with O for 0")
        void typed() {
            String typed = traced.replace("-", "").toLowerCase(Locale.ROOT).replace('0', 'o');
            assertEquals(traced, ok(api().get(TRACE + typed).send(), 200).json().get("traceCode").asText());
        }
    }

    @Test
    @DisplayName("when a gift was booked after the latest checkpoint then its proof has the hash and the transaction, no leaf yet")
    void notYetCovered() {
        String later = ok(api().post("/api/v1/donations").as(accountant).key(key()).body(DonationTestBase.gift(fund, "10.00"))
                .send(), 201).text("traceCode");
        JsonNode proof = ok(api().get(TRACE + later).send(), 200).json().get("proof");
        assertEquals(64, proof.get("transactionHash").asText().length());
        assertTrue(proof.get("leafIndex").isNull(), proof::toString);
        assertTrue(proof.get("inclusion").isNull(), proof::toString);
        assertTrue(proof.get("checkpoint").isNull(), proof::toString);
        assertEquals("DONATION", proof.get("transaction").get("kind").asText());
    }

    @Test
    @DisplayName("when a gift went to a fund, not a project, then it has no uses and is unspent as a whole")
    void toFund() {
        Map<String, Object> gift = DonationTestBase.gift(fund, "66.00");
        String code = ok(api().post("/api/v1/donations").as(accountant).key(key()).body(gift).send(), 201).text("traceCode");
        JsonNode t = ok(api().get(TRACE + code).send(), 200).json();
        assertEquals(0, t.get("uses").size());
        assertEquals("66.00", t.get("unspent").asText());
        assertTrue(t.get("projectStatus").isNull());
        assertTrue(t.get("donation").get("project").isNull());
    }

    @Test
    @DisplayName("when the code cannot be one then 400 naming traceCode, and an unknown code is a 404")
    void refusals() {
        for (String bad : List.of("ABC", "UUUU-UUUU-UUUU", "7K2M-9QXD-4HTA-1")) {
            JsonNode p = assertProblem(api().get(TRACE + bad).send(), 400);
            assertEquals("traceCode", p.get("errors").get(0).get("field").asText(), p::toString);
        }
        assertProblem(api().get(TRACE + "0000-0000-0000").send(), 404);
    }
}
