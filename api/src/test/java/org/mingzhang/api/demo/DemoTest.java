package org.mingzhang.api.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mingzhang.money.Money;
import org.mingzhang.reports.ClosingDocument;
import org.mingzhang.reports.CommitteeDocuments;
import org.mingzhang.reports.DisclosureDocument;
import org.mingzhang.reports.PlanDocument;
import org.mingzhang.reports.ProjectReport;
import org.mingzhang.reports.pdf.Amounts;

/**
 * The worked county of {@code --demo}, loaded once through the API into a fresh in-memory database: every fund, the
 * pool and the staff exist, a project stands at every stage, a few hundred gifts cover every channel and kind of donor,
 * money moved as the story says, the journal verifies, and a second load into the same books loads nothing. Then every
 * figure of the committee's documents against the API: for each project, its plan's and closing report's figures equal
 * what {@code GET /projects/{code}} and its disbursements answer, and each is printed in the PDF; for each community
 * fund, the disclosure's balances equal the fund's balances and its gifts and payments equal the API's lists. No donor's
 * phone, ID number or credit code appears in any PDF, and every PDF fetched twice is the same bytes.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTest implements TestPropertyProvider {

    static final String ADMIN_TOKEN = "demo-test-admin-token-" + UUID.randomUUID();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "mingzhang.db.url", "jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "mingzhang.db.user", "sa",
                "mingzhang.admin-token", ADMIN_TOKEN,
                "mingzhang.data-dir", temporaryDataDir());
    }

    /** A fresh data directory: the log key is made there on the first start, never in the checkout. */
    static String temporaryDataDir() {
        try {
            return java.nio.file.Files.createTempDirectory("mingzhang-demo-test-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every item of a list endpoint, following the cursor. */
    static List<JsonNode> all(DemoClient api, String path) {
        return all(api, ADMIN_TOKEN, path);
    }

    /** Every item of a list endpoint as the holder of this token reads it, following the cursor. */
    static List<JsonNode> all(DemoClient api, String token, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(token, path + (path.contains("?") ? "&" : "?") + "limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    @Test
    @DisplayName("when --demo loads into fresh books then the whole county is there, every project stage and gift kind "
            + "included, the journal verifies, and a second load loads nothing")
    void loadsTheCounty() {
        URI base = URI.create("http://127.0.0.1:" + server.getPort());

        List<String> funds = all(api, "/api/v1/funds").stream().map(f -> f.get("code").asText()).toList();
        assertTrue(funds.containsAll(DemoCounty.FUNDS.stream().map(DemoCounty.Fund::code).toList()), funds::toString);
        JsonNode pool = api.get(ADMIN_TOKEN, "/api/v1/matching-pools/" + DemoCounty.POOL_CODE);
        assertEquals("150000.00", pool.get("budget").asText());
        assertNotEquals("0.00", pool.get("settled").asText(), pool::toString);

        Set<String> roles = new HashSet<>();
        for (String token : loader.tokens()) {
            api.get(token, "/api/v1/me").get("roles").forEach(r -> roles.add(r.asText()));
        }
        assertEquals(5, loader.tokens().size());
        assertEquals(Set.of("ADMIN", "ACCOUNTANT", "COMMITTEE"), roles);

        for (String status : List.of("DRAFT", "SUBMITTED", "FUNDRAISING", "IN_PROGRESS", "COMPLETED", "ACCEPTED", "REJECTED")) {
            assertFalse(all(api, "/api/v1/projects?status=" + status).isEmpty(), "a project " + status);
        }

        List<JsonNode> gifts = all(api, "/api/v1/donations");
        assertTrue(gifts.size() >= 300, "gifts: " + gifts.size());
        Set<String> channels = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        gifts.forEach(g -> {
            channels.add(g.get("channel").asText());
            kinds.add(g.get("donor").get("kind").asText());
        });
        assertEquals(Set.of("BANK_TRANSFER", "CASH", "WECHAT_PAY", "ALIPAY", "CHARITY_SALE", "IN_KIND"), channels);
        assertEquals(Set.of("PERSON", "ENTERPRISE", "ORGANIZATION"), kinds);

        List<String> running = all(api, "/api/v1/projects/FYSQ-2026-002/disbursements").stream()
                .map(d -> d.get("status").asText()).toList();
        assertTrue(running.stream().filter("PAID"::equals).count() >= 2, running::toString);
        assertTrue(running.contains("PENDING") && running.contains("REJECTED"), running::toString);

        JsonNode accepted = api.get(ADMIN_TOKEN, "/api/v1/projects/FYSQ-2026-001");
        assertEquals("ACCEPTED", accepted.get("status").asText());
        assertNotEquals("0.00", accepted.get("matched").asText(), accepted::toString);
        assertEquals("0.00", accepted.get("available").asText(), accepted::toString);

        JsonNode verify = api.get(ADMIN_TOKEN, "/api/v1/ledger/verify");
        assertTrue(verify.get("ok").asBoolean(), verify::toString);

        long journal = verify.get("transactions").asLong();
        assertFalse(new DemoLoader(base, ADMIN_TOKEN, Instant.now()).load(), "books that hold funds are left alone");
        assertEquals(funds.size(), all(api, "/api/v1/funds").size());
        assertEquals(journal, api.get(ADMIN_TOKEN, "/api/v1/ledger/verify").get("transactions").asLong());
    }

    @Test
    @DisplayName("when the service refuses a demo request then the refusal names the request, the status and the problem")
    void refusalSaysWhat() {
        URI base = URI.create("http://127.0.0.1:" + server.getPort());
        DemoRefusal refused = assertThrows(DemoRefusal.class, () -> new DemoLoader(base, "not-the-admin-token", Instant.now()).load());
        assertTrue(refused.getMessage().startsWith("GET /api/v1/funds?limit=1 answered 401: {"), refused::getMessage);
        assertEquals(0, refused.getStackTrace().length, "an expected refusal carries no stack trace to print");
    }


    /** The county's year as the loader placed it on the calendar (2026, or the current year after it). */
    static final int YEAR = new DemoCalendar(Instant.now()).year();
    static final LocalDate FROM = LocalDate.of(YEAR, 1, 1);
    static final LocalDate TO = LocalDate.of(YEAR, 12, 31);

    @Inject
    CommitteeDocuments documents;

    final HttpClient http = HttpClient.newHttpClient();
    DemoClient api;
    DemoLoader loader;
    /** Every phone, ID number and credit code the county's donors gave, as the staff API shows them. */
    final List<String> personal = new ArrayList<>();
    int checkedFigures;


    @BeforeAll
    void load() {
        URI base = URI.create("http://127.0.0.1:" + server.getPort());
        loader = new DemoLoader(base, ADMIN_TOKEN, Instant.now());
        assertTrue(loader.load(), "fresh books load");
        api = new DemoClient(base);
        for (JsonNode gift : all(api, "/api/v1/donations")) {
            JsonNode donor = gift.get("donor");
            for (String field : List.of("phone", "idNumber", "creditCode")) {
                if (!donor.get(field).isNull()) {
                    String value = donor.get(field).asText();
                    personal.add(value);
                    // A phone is kept in E.164; on paper it would show as the 11 digits people write.
                    if (value.startsWith("+86")) {
                        personal.add(value.substring(3));
                    }
                }
            }
        }
        assertFalse(personal.isEmpty(), "the county's donors gave phone and ID numbers");
    }

    @Test
    @DisplayName("when every project's plan and closing report are fetched then each figure is the API's and is printed")
    void projects() throws Exception {
        for (JsonNode p : all(api, "/api/v1/projects")) {
            String code = p.get("code").asText();
            String status = p.get("status").asText();

            String plan = text(pdf("/api/v1/projects/" + code + "/plan.pdf"));
            PlanDocument planModel = documents.plan(code).orElseThrow().model();
            figure(plan, "target of " + code, fen(p, "targetAmount"), planModel.targetFen());
            assertTrue(plan.contains(Amounts.capital(planModel.targetFen())), code + ": the target in capitals");
            for (int i = 0; i < p.get("budget").size(); i++) {
                figure(plan, "budget line " + (i + 1) + " of " + code, fen(p.get("budget").get(i), "amount"),
                        planModel.budget().get(i).amountFen());
            }

            if (List.of("DRAFT", "SUBMITTED", "REJECTED", "CANCELLED").contains(status)) {
                continue;
            }
            String report = text(pdf("/api/v1/projects/" + code + "/closing-report.pdf"));
            ClosingDocument closing = documents.closingReport(code).orElseThrow().model();
            ProjectReport r = closing.report();
            figure(report, "raised of " + code, fen(p, "raised"), r.raised().totalFen());
            figure(report, "matched of " + code, fen(p, "matched"), r.sheet().matchedFen());
            figure(report, "received of " + code, fen(p, "received"), r.receivedFen());
            assertTrue(report.contains(Amounts.capital(r.receivedFen())), code + ": what it received, in capitals");
            figure(report, "fees of " + code, fen(p, "managementFees"), r.sheet().feesFen());
            figure(report, "disbursed of " + code, fen(p, "disbursed"), r.sheet().disbursedFen());
            figure(report, "leftover out of " + code, fen(p, "leftoverOut"), r.sheet().leftoverOutFen());
            figure(report, "held by " + code, Math.addExact(fen(p, "available"), fen(p, "reserved")), r.sheet().heldFen());
            assertEquals(p.get("donors").asInt(), r.raised().donors(), code + ": donors");
            assertTrue(report.contains(r.raised().donors() + "位捐赠人"), code + ": the donors are printed");
            for (JsonNode source : p.get("raisedBy")) {
                long fen = fen(source, "amount");
                assertTrue(r.raised().sources().stream().anyMatch(s -> s.channel().name().equals(source.get("channel").asText())
                        && s.donorKind().name().equals(source.get("donorKind").asText()) && s.amountFen() == fen
                        && s.gifts() == source.get("gifts").asInt()), code + ": source " + source);
                assertTrue(report.contains(Amounts.yuan(fen)), code + ": source " + source + " is printed");
            }
            // Spending by budget line and the payments: the API's disbursements, summed by line.
            Map<String, Long> paidByItem = new HashMap<>();
            long paid = 0;
            int payments = 0;
            for (JsonNode d : api.get(ADMIN_TOKEN, "/api/v1/projects/" + code + "/disbursements").get("items")) {
                if (d.get("status").asText().equals("PAID")) {
                    paidByItem.merge(d.get("budgetItem").asText(), fen(d, "amount"), Math::addExact);
                    paid = Math.addExact(paid, fen(d, "amount"));
                    payments++;
                    assertTrue(report.contains(Amounts.yuan(fen(d, "amount"))), code + ": payment " + d.get("id") + " is printed");
                }
            }
            for (ProjectReport.Line line : r.lines()) {
                figure(report, "line " + line.item() + " of " + code, paidByItem.getOrDefault(line.item(), 0L), line.disbursedFen());
            }
            assertEquals(payments, closing.payments().size(), code + ": payments");
            figure(report, "payments of " + code, paid, closing.paymentsFen());
        }
        assertTrue(checkedFigures > 100, "figures checked: " + checkedFigures);
    }

    @Test
    @DisplayName("when each community fund's year is disclosed then its balances, gifts and payments are the API's")
    void disclosures() throws Exception {
        for (DemoCounty.Fund fund : DemoCounty.FUNDS) {
            if (!fund.level().equals("COMMUNITY")) {
                continue;
            }
            String code = fund.code();
            String text = text(pdf("/api/v1/funds/" + code + "/disclosure.pdf?from=" + FROM + "&to=" + TO));
            DisclosureDocument d = documents.disclosure(code, FROM, TO).orElseThrow().model();

            // Every booking of the county falls in its year, so the year's closing balances are the fund's balances now.
            JsonNode balances = api.get(ADMIN_TOKEN, "/api/v1/funds/" + code).get("balances");
            figure(text, "cash of " + code, fen(balances, "cash"), d.closing().cashFen());
            figure(text, "restricted of " + code, fen(balances, "restricted"), d.closing().restrictedFen());
            figure(text, "unrestricted of " + code, fen(balances, "unrestricted"), d.closing().unrestrictedFen());
            assertEquals(0, d.opening().netAssetsFen(), code + " was opened in the year");

            List<JsonNode> gifts = all(api, "/api/v1/donations?fundCode=" + code);
            long given = gifts.stream().mapToLong(g -> fen(g, "amount")).sum();
            assertEquals(gifts.size(), d.gifts().size(), code + ": gifts");
            figure(text, "gifts to " + code, given, d.giftsFen());
            for (JsonNode g : gifts) {
                assertTrue(text.contains(g.get("receiptNo").asText()), code + ": receipt " + g.get("receiptNo") + " is listed");
            }

            long paid = 0;
            for (JsonNode p : all(api, "/api/v1/projects?fundCode=" + code)) {
                for (JsonNode x : api.get(ADMIN_TOKEN, "/api/v1/projects/" + p.get("code").asText() + "/disbursements").get("items")) {
                    if (x.get("status").asText().equals("PAID")) {
                        paid = Math.addExact(paid, fen(x, "amount"));
                    }
                }
            }
            figure(text, "payments of " + code, paid, d.paymentsFen());
            assertEquals(d.closing().netAssetsFen(), d.opening().netAssetsFen() + d.giftsFen() - d.paymentsFen() + d.otherChangesFen());
        }
    }


    /** The API's figure, the model's, and the model's as printed. */
    private void figure(String text, String what, long apiFen, long modelFen) {
        assertEquals(apiFen, modelFen, what + ": the document's figure is the API's");
        assertTrue(text.contains(Amounts.yuan(modelFen)), what + " (" + Amounts.yuan(modelFen) + ") is printed");
        checkedFigures++;
    }

    private static long fen(JsonNode node, String field) {
        return Money.parse(node.get(field).asText()).fen();
    }

    /** The PDF at this path, fetched twice: both times the same bytes. */
    private byte[] pdf(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build();
        HttpResponse<byte[]> first = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, first.statusCode(), path);
        assertEquals("application/pdf", first.headers().firstValue("Content-Type").orElse(""), path);
        assertArrayEquals(first.body(), http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body(), path + " twice");
        return first.body();
    }

    /** The PDF's text without line breaks and spaces (cells wrap), after checking that no donor's identifier is in it. */
    private String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            String compact = text.replaceAll("\\s+", "");
            for (String value : personal) {
                assertFalse(compact.contains(value.replaceAll("\\s+", "")), "a donor's identifier is printed");
            }
            // The last page renders: a page that PDFBox cannot draw would fail here.
            new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 24);
            return compact;
        }
    }
}
