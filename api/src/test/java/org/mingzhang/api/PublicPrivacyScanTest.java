package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "done means": phone and ID numbers, names without consent, an address, a payee and a bank account are
 * planted through the staff API (PublicTestBase), then every public answer and page is fetched without a token and
 * scanned for them in every form they could take (a phone spaced or in E.164, an ID with a lower-case x, a PDF's text
 * with its line breaks taken out): none appears. Every route the router serves under /api/v1/public, and every route of
 * the page, must be in the scan: a public endpoint added without being scanned fails the first case. The scanner is
 * shown not to be blind on a staff answer that does carry the planted values.
 */
@MicronautTest
@DisplayName("Privacy: nothing planted leaves through a public answer or page")
class PublicPrivacyScanTest extends PublicTestBase {

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    Seeded seeded;
    long logSize;

    @BeforeAll
    void book() {
        seeded = seed();
        ok(api().post("/api/v1/ledger/checkpoints").as(accountant).send(), 201);
        logSize = Long.parseLong(api().get("/api/v1/public/checkpoint").send().body().split("\n")[1]);
    }

    /** What the scan asks of each public route: the route as the router names it → the addresses fetched for it. */
    Map<String, List<String>> scanned() {
        Map<String, List<String>> scan = new LinkedHashMap<>();
        List<String> traces = new ArrayList<>(seeded.traceCodes().values());
        traces.add(seeded.unrestrictedTrace());
        scan.put("GET /api/v1/public/trace/{traceCode}", traces.stream().map(c -> "/api/v1/public/trace/" + c).toList());
        scan.put("GET /api/v1/public/projects/{code}", List.of("/api/v1/public/projects/" + seeded.project()));
        scan.put("GET /api/v1/public/funds/{code}", List.of("/api/v1/public/funds/" + seeded.fund()));
        List<String> numbers = List.of(seeded.planNumber(), seeded.disclosureNumber());
        scan.put("GET /api/v1/public/documents/{number}", numbers.stream().map(n -> "/api/v1/public/documents/" + n).toList());
        scan.put("GET /api/v1/public/documents/{number}/pdf",
                numbers.stream().map(n -> "/api/v1/public/documents/" + n + "/pdf").toList());
        scan.put("GET /api/v1/public/checkpoint", List.of("/api/v1/public/checkpoint"));
        scan.put("GET /api/v1/public/key", List.of("/api/v1/public/key"));
        scan.put("GET /api/v1/public/checkpoint/consistency",
                List.of("/api/v1/public/checkpoint/consistency?from=1&to=" + logSize));
        scan.put("GET /", List.of("/", "/?code=" + traces.get(0)));
        for (String file : List.of("app.js", "verify.js", "app.css", "echarts-5.3.1.min.js")) {
            scan.put("GET /static/" + file, List.of("/static/" + file));
        }
        return scan;
    }

    /**
     * The routes the service serves to the public: under /api/v1/public, the page and its static files, whatever their
     * method. HEAD is left out: Micronaut answers it for every GET, with the GET's headers and no body.
     */
    Set<String> publicRoutes() {
        return router.uriRoutes()
                .filter(r -> !r.getHttpMethodName().equals("HEAD"))
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", ""))
                .filter(r -> r.contains(" /api/v1/public") || r.endsWith(" /") || r.contains(" /static/"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The planted values this text shows, in any of their forms, with and without its white space. */
    static List<String> leaks(String text) {
        String squeezed = text.replaceAll("\\s+", "");
        return SECRETS.stream().filter(s -> text.contains(s) || squeezed.contains(s.replaceAll("\\s+", ""))).toList();
    }

    /** A public answer as the scan reads it: a PDF's extracted text, anything else as text. */
    String fetched(String path) throws Exception {
        ApiClient.Reply reply = api().get(path).send();
        assertEquals(200, reply.status(), () -> path + " -> " + reply);
        if ("application/pdf".equals(reply.contentType())) {
            try (PDDocument pdf = Loader.loadPDF(reply.bytes())) {
                String text = new PDFTextStripper().getText(pdf);
                assertFalse(text.isBlank(), path + " has text to scan");
                return text;
            }
        }
        return reply.body();
    }

    @Nested
    @DisplayName("when every public route is fetched")
    class Answers {

        @Test
        @DisplayName("then the scan covers every route the router serves to the public, and no other")
        void coversEveryRoute() {
            assertEquals(publicRoutes(), new TreeSet<>(scanned().keySet()),
                    "a public route is missing from the scan (add it to scanned()), or the scan names one that is gone");
        }

        @Test
        @DisplayName("then no answer, PDF or static file shows a planted value")
        void nothingLeaks() throws Exception {
            Map<String, List<String>> found = new LinkedHashMap<>();
            int scannedAnswers = 0;
            for (List<String> paths : scanned().values()) {
                for (String path : paths) {
                    List<String> leaked = leaks(fetched(path));
                    scannedAnswers++;
                    if (!leaked.isEmpty()) {
                        found.put(path, leaked);
                    }
                }
            }
            assertTrue(scannedAnswers >= 19, "every gift, the project, the fund, two documents and their PDFs, the log, the page");
            assertEquals(Map.of(), found, "planted values in public answers");
            // What the public does see instead.
            String trace = fetched("/api/v1/public/trace/" + seeded.traceCodes().get("1500.00"));
            assertTrue(trace.contains("\"donor\":\"王*英\""), trace);
            assertTrue(fetched("/api/v1/public/trace/" + seeded.traceCodes().get("800.00")).contains("\"donor\":\"李建国\""),
                    "named with consent");
            assertTrue(fetched("/api/v1/public/trace/" + seeded.traceCodes().get("300.00")).contains("\"donor\":\"爱心人士\""));
            assertTrue(fetched("/api/v1/public/trace/" + seeded.traceCodes().get("2000.00")).contains("\"donor\":\"某企业\""));
            assertTrue(fetched("/api/v1/public/trace/" + seeded.unrestrictedTrace()).contains("\"donor\":\"陈*玲\""));
        }

        @Test
        @DisplayName("then the same scan finds the planted values in a staff answer (it is not blind)")
        void scannerSees() {
            ApiClient.Reply staff = api().get("/api/v1/donations?fundCode=" + seeded.fund()).as(auditor).send();
            assertEquals(200, staff.status());
            List<String> seen = leaks(staff.body());
            assertTrue(seen.contains(NOT_CONSENTING.name()) && seen.contains("+86" + NOT_CONSENTING.phone())
                    && seen.contains(ID_WITH_X) && seen.contains(ADDRESS), seen::toString);
            ApiClient.Reply payment = api().get("/api/v1/disbursements/" + seeded.disbursementId()).as(auditor).send();
            assertTrue(leaks(payment.body()).contains(PAYEE), payment::toString);
        }
    }

    @Nested
    @DisplayName("when the pages are rendered in headless Chromium")
    class Pages {

        @Test
        @DisplayName("then no rendered page, gift, project, fund or document, shows a planted value")
        void nothingOnScreen() {
            Browser.requireInstalled();
            String base = "http://127.0.0.1:" + server.getPort();
            List<String> pages = new ArrayList<>();
            seeded.traceCodes().values().forEach(c -> pages.add("/?code=" + c));
            pages.add("/?code=" + seeded.unrestrictedTrace());
            pages.add("/?project=" + seeded.project());
            pages.add("/?fund=" + seeded.fund());
            pages.add("/?doc=" + seeded.planNumber());
            pages.add("/?doc=" + seeded.disclosureNumber());
            Map<String, List<String>> found = new LinkedHashMap<>();
            try (Browser browser = Browser.phone()) {
                for (String page : pages) {
                    browser.go(base + page);
                    browser.awaitText("main", s -> !s.contains("正在查询") && !s.contains("正在核验"), Duration.ofSeconds(30));
                    List<String> leaked = new ArrayList<>(leaks(browser.html()));
                    leaked.addAll(leaks(browser.bodyText()));
                    if (!leaked.isEmpty()) {
                        found.put(page, leaked);
                    }
                    assertFalse(browser.text("main").orElse("").contains("没有找到"), page + " was not found");
                }
            }
            assertEquals(Map.of(), found, "planted values on rendered pages");
        }
    }
}
