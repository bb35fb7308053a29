package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.api.edge.SecurityHeadersFilter;
import org.mingzhang.money.Money;

/**
 * The public project and fund answers (issue 13) over HTTP, without a token: every figure equals the staff API's for
 * the same project or fund, a payment shows its purpose and never its payee, a fund's months add up to what it took
 * and spent, documents link to PDFs the public can fetch, drafts are not public, malformed and unknown codes are
 * problems; and the page at {@code /} is served by the jar with its security headers, no inline script or style, and
 * ECharts from its WebJar, gzipped and kept for a year.
 */
@MicronautTest
class PublicDisclosuresTest extends PublicTestBase {

    static final String PUBLIC = "/api/v1/public/";

    Seeded seeded;

    @BeforeAll
    void book() {
        seeded = seed();
    }

    JsonNode staff(String path) {
        return ok(api().get(path).as(auditor).send(), 200);
    }

    JsonNode open(String path) {
        ApiClient.Reply reply = api().get(path).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    @Nested
    @DisplayName("when the public opens a project that raised, was matched and paid a person")
    class Project {

        @Test
        @DisplayName("then its figures are the staff API's, by budget line and by channel too")
        void figures() {
            JsonNode pub = open(PUBLIC + "projects/" + seeded.project());
            JsonNode staff = staff("/api/v1/projects/" + seeded.project());
            assertEquals(seeded.project(), pub.get("code").asText());
            assertEquals(staff.get("title").asText(), pub.get("name").asText());
            assertEquals("IN_PROGRESS", pub.get("status").asText());
            assertEquals("执行中", pub.get("statusLabel").asText());
            assertFalse(pub.get("stale").asBoolean(), "paid today: not quiet");
            assertEquals(seeded.fund(), pub.get("fund").get("code").asText());
            for (String[] pair : List.of(new String[] {"raised", "raised"}, new String[] {"matched", "matched"},
                    new String[] {"disbursed", "disbursed"}, new String[] {"available", "available"},
                    new String[] {"transferredIn", "transferredIn"}, new String[] {"leftoverOut", "leftoverOut"},
                    new String[] {"managementFees", "managementFees"})) {
                String mine = pair[0].equals("raised") ? pub.get("raised").get("total").asText() : pub.get(pair[0]).asText();
                assertEquals(staff.get(pair[1]).asText(), mine, pair[0]);
            }
            assertEquals("4600.00", pub.get("raised").get("total").asText(), "1500 + 800 + 300 + 2000");
            assertTrue(Money.parse(pub.get("matched").asText()).fen() > 0, "the pool matched the project");
            assertEquals("1200.00", pub.get("disbursed").asText());
            assertEquals(staff.get("targetAmount").asText(), pub.get("plan").get("budget").asText());
            JsonNode line = pub.get("plan").get("lines").get(0);
            assertEquals(ITEM, line.get("item").asText());
            assertEquals(staff.get("budget").get(0).get("amount").asText(), line.get("planned").asText());
            assertEquals(staff.get("budget").get(0).get("disbursed").asText(), line.get("disbursed").asText());

            assertEquals(staff.get("donors").asInt(), pub.get("raised").get("donors").asInt());
            assertEquals(4, pub.get("raised").get("gifts").asInt());
            Map<String, Long> staffByChannel = new HashMap<>();
            staff.get("raisedBy").forEach(s -> staffByChannel.merge(s.get("channel").asText(),
                    Money.parse(s.get("amount").asText()).fen(), Long::sum));
            Map<String, Long> pubByChannel = new HashMap<>();
            pub.get("raised").get("byChannel").forEach(c -> pubByChannel.put(c.get("channel").asText(),
                    Money.parse(c.get("amount").asText()).fen()));
            assertEquals(staffByChannel, pubByChannel);
            assertEquals("银行转账", pub.get("raised").get("byChannel").get(0).get("label").asText());
        }

        @Test
        @DisplayName("then the payment shows date, purpose, budget line, amount and form, and never the payee or account")
        void uses() {
            ApiClient.Reply reply = api().get(PUBLIC + "projects/" + seeded.project()).send();
            JsonNode use = reply.json().get("uses").get(0);
            assertEquals(1, reply.json().get("uses").size());
            assertEquals(seeded.disbursementId(), use.get("disbursementId").asLong());
            assertEquals(LocalDate.now(ZoneOffset.ofHours(8)).toString(), use.get("date").asText());
            assertEquals(PURPOSE, use.get("purpose").asText());
            assertEquals(ITEM, use.get("budgetItem").asText());
            assertEquals("1200.00", use.get("amount").asText());
            assertEquals("CASH", use.get("category").asText());
            for (String secret : List.of(PAYEE, BANK_ACCOUNT, ADDRESS, "王主任")) {
                assertFalse(reply.body().contains(secret), secret + " is in the public project");
            }
        }

        @Test
        @DisplayName("then its plan is listed with a link the public can fetch, the same PDF the committee got")
        void documents() {
            JsonNode docs = open(PUBLIC + "projects/" + seeded.project()).get("documents");
            JsonNode plan = null;
            for (JsonNode d : docs) {
                if (d.get("number").asText().equals(seeded.planNumber())) {
                    plan = d;
                }
            }
            assertTrue(plan != null, "the plan " + seeded.planNumber() + " is listed: " + docs);
            assertEquals("PLAN", plan.get("kind").asText());
            assertEquals("/api/v1/public/documents/" + seeded.planNumber() + "/pdf", plan.get("url").asText());
            ApiClient.Reply pdf = api().get(plan.get("url").asText()).send();
            assertEquals(200, pdf.status());
            assertArrayEquals(api().get("/api/v1/projects/" + seeded.project() + "/plan.pdf").as(committee).send().bytes(),
                    pdf.bytes());
        }
    }

    @Nested
    @DisplayName("when the public opens the fund")
    class Fund {

        @Test
        @DisplayName("then its balances are the staff API's and this month shows what it took in and paid out")
        void balancesAndMonths() {
            JsonNode pub = open(PUBLIC + "funds/" + seeded.fund());
            JsonNode staff = staff("/api/v1/funds/" + seeded.fund());
            assertEquals(staff.get("name").asText(), pub.get("name").asText());
            assertEquals(staff.get("level").asText(), pub.get("level").asText());
            for (String b : List.of("cash", "restricted", "unrestricted")) {
                assertEquals(staff.get("balances").get(b).asText(), pub.get("balances").get(b).asText(), b);
            }
            // Gifts were received an hour ago and paid now: in this month, unless the hour crossed a month's end.
            long donations = 0;
            long programme = 0;
            for (JsonNode m : pub.get("months")) {
                assertTrue(m.get("month").asText().matches("\\d{4}-\\d{2}"), m::toString);
                donations += Money.parse(m.get("donations").asText()).fen();
                programme += Money.parse(m.get("programmeCosts").asText()).fen();
                assertEquals(Money.parse(m.get("spending").asText()).fen(), Money.parse(m.get("programmeCosts").asText()).fen()
                        + Money.parse(m.get("managementExpenses").asText()).fen()
                        + Money.parse(m.get("fundraisingExpenses").asText()).fen(), m::toString);
            }
            assertEquals(Money.parse("5100.00").fen(), donations, "4,600.00 to the project and 500.00 to the fund");
            assertEquals(Money.parse("1200.00").fen(), programme, "the one payment");
            // The same figures as the ledger's own accounts: donation income and programme costs.
            assertEquals(Money.format(donations), Money.format(Money.parse(balance(seeded.fund(), "410101")).fen()
                    + Money.parse(balance(seeded.fund(), "410102")).fen()));
            assertEquals(balance(seeded.fund(), "5101"), Money.format(programme));
        }

        @Test
        @DisplayName("then its project is listed with the project's own figures, and its disclosure with a link")
        void projectsAndDocuments() {
            JsonNode pub = open(PUBLIC + "funds/" + seeded.fund());
            JsonNode project = open(PUBLIC + "projects/" + seeded.project());
            assertEquals(1, pub.get("projects").size(), pub::toString);
            JsonNode row = pub.get("projects").get(0);
            assertEquals(seeded.project(), row.get("code").asText());
            assertEquals(project.get("raised").get("total").asText(), row.get("raised").asText());
            assertEquals(project.get("matched").asText(), row.get("matched").asText());
            assertEquals(project.get("disbursed").asText(), row.get("disbursed").asText());
            assertEquals(project.get("stale").asBoolean(), row.get("stale").asBoolean());
            List<String> numbers = new ArrayList<>();
            pub.get("documents").forEach(d -> numbers.add(d.get("number").asText()));
            assertEquals(List.of(seeded.disclosureNumber()), numbers, "disclosures only: the plan is on the project");
        }
    }

    @Nested
    @DisplayName("when the code is malformed, unknown or not yet public")
    class Refusals {

        @Test
        @DisplayName("then 400 names the code, 404 says which must exist, and a draft is not found")
        void problems() {
            assertEquals(List.of("code"), errorFields(problemOf(api().get(PUBLIC + "projects/bad%20code").send(), 400)));
            assertEquals(List.of("code"), errorFields(problemOf(api().get(PUBLIC + "funds/" + "X".repeat(33)).send(), 400)));
            assertEquals("project-must-exist", problemType(problemOf(api().get(PUBLIC + "projects/NO-SUCH").send(), 404)));
            assertEquals("fund-must-exist", problemType(problemOf(api().get(PUBLIC + "funds/NO-SUCH").send(), 404)));
            String draft = draftProject(seeded.fund(), java.time.Duration.ofDays(-1), java.time.Duration.ofDays(30));
            assertEquals("project-must-exist", problemType(problemOf(api().get(PUBLIC + "projects/" + draft).send(), 404)));
            assertFalse(open(PUBLIC + "funds/" + seeded.fund()).toString().contains(draft), "a draft is not listed");
        }
    }

    @Nested
    @DisplayName("when a browser opens the page at /")
    class Page {

        @Test
        @DisplayName("then it is HTML in Chinese with a CSP, no inline script or style, and no address outside the service")
        void headers() {
            ApiClient.Reply page = api().get("/?code=7K2M-9QXD-4HTA").send();
            assertEquals(200, page.status(), page::toString);
            assertEquals("text/html; charset=utf-8", page.contentType());
            assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, page.header("Content-Security-Policy"));
            for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                    "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'")) {
                assertTrue(page.header("Content-Security-Policy").contains(directive), directive);
            }
            assertFalse(page.header("Content-Security-Policy").contains("unsafe"), "nothing unsafe is allowed");
            assertEquals("DENY", page.header("X-Frame-Options"));
            assertEquals("nosniff", page.header("X-Content-Type-Options"));
            assertEquals("no-referrer", page.header("Referrer-Policy"));
            assertTrue(page.body().contains("<html lang=\"zh-CN\">"));
            assertTrue(page.body().contains("width=device-width"), "laid out for a phone");
            assertInlineFree(page.body());
            for (String file : List.of("/static/app.js", "/static/verify.js", "/static/app.css")) {
                ApiClient.Reply asset = api().get(file).send();
                assertEquals(200, asset.status(), file);
                assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, asset.header("Content-Security-Policy"));
                assertFalse(Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}").matcher(asset.body()).find(),
                        file + " names an address outside the service");
                assertFalse(asset.body().contains("innerHTML") || asset.body().contains("eval("), file + " writes markup or evals");
            }
        }

        @Test
        @DisplayName("then ECharts is the WebJar's, gzipped when asked, and kept for a year under its versioned address")
        void echarts() throws Exception {
            byte[] webjar;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                    "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js")) {
                webjar = in.readAllBytes();
            }
            ApiClient.Reply plain = api().get("/static/echarts-5.3.1.min.js").send();
            assertEquals(200, plain.status());
            assertArrayEquals(webjar, plain.bytes());
            assertEquals("public, max-age=31536000, immutable", plain.header("Cache-Control"));
            assertTrue(plain.contentType().startsWith("text/javascript"), plain.contentType());
            ApiClient.Reply gzipped = api().get("/static/echarts-5.3.1.min.js").header("Accept-Encoding", "gzip").send();
            assertEquals(200, gzipped.status());
            // The client may already have inflated it; either way the bytes are ECharts', and gzip made them a third.
            byte[] body = gzipped.bytes();
            if ("gzip".equals(gzipped.header("Content-Encoding"))) {
                assertTrue(body.length < webjar.length / 2, "gzipped: " + body.length);
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            assertArrayEquals(webjar, body);
            assertEquals("no-cache", api().get("/").send().header("Cache-Control"), "the page itself is checked every time");
        }
    }

    /** No script element without a src, no style element, no style or on* attribute. */
    static void assertInlineFree(String html) {
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "an inline script: " + scripts.group());
            assertTrue(scripts.group(2).isBlank(), "a script with a src and a body: " + scripts.group());
        }
        assertFalse(Pattern.compile("(?i)<style").matcher(html).find(), "a style element");
        assertFalse(Pattern.compile("(?i)\\sstyle\\s*=").matcher(html).find(), "a style attribute");
        assertFalse(Pattern.compile("(?i)\\son[a-z]+\\s*=").matcher(html).find(), "an event-handler attribute");
        assertFalse(Pattern.compile("(?i)(src|href)=\"(https?:)?//").matcher(html).find(), "an address outside the service");
    }

    static ApiClient.Reply problemOf(ApiClient.Reply reply, int status) {
        assertProblem(reply, status);
        return reply;
    }
}
