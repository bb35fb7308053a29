package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The committee's documents over HTTP and their public check: a plan is served as a PDF under a number; the public
 * endpoint answers that number without a token, with the SHA-256 of the very bytes served and the same PDF; the same
 * request for the same books gives the same bytes; a change to what the document shows makes the old number no longer
 * current. Refusals (no token, unknown or malformed number, a closing report of a draft, a period that runs backwards)
 * answer problems and register nothing.
 */
@MicronautTest
class DocumentsTest extends ApiTestBase {

    static final String PROJECTS = "/api/v1/projects";
    static final String PUBLIC_DOCUMENTS = "/api/v1/public/documents/";

    String accountant;
    String committee;

    @BeforeAll
    void users() {
        accountant = userWith("ACCOUNTANT");
        committee = userWith("COMMITTEE");
    }

    /** A project the accountant wrote and submitted and the committee approved; returns its code. */
    String approved() {
        String code = unique("P-");
        String fund = newFund();
        assertEquals(201, api().post(PROJECTS).as(accountant).body(ProjectsTest.plan(fund, code)).send().status());
        assertEquals(200, api().post(PROJECTS + "/" + code + "/submit").as(accountant).send().status());
        assertEquals(200, api().post(PROJECTS + "/" + code + "/approve").as(committee).body(Map.of("reason", "同意立项")).send()
                .status());
        return code;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Nested
    @DisplayName("when a committee member fetches an approved project's plan")
    class Plan {

        @Test
        @DisplayName("then it is a PDF under a number that the public endpoint answers with its SHA-256 and the same bytes")
        void publicCheck() throws Exception {
            String code = approved();
            ApiClient.Reply pdf = api().get(PROJECTS + "/" + code + "/plan.pdf").as(committee).send();
            assertEquals(200, pdf.status(), pdf::toString);
            assertEquals("application/pdf", pdf.contentType());
            assertTrue(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
            String number = pdf.header("Mingzhang-Document");
            assertTrue(number.matches("MZP-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"), number);

            ApiClient.Reply info = api().get(PUBLIC_DOCUMENTS + number).send();
            assertEquals(200, info.status(), info::toString);
            assertEquals(number, info.text("number"));
            assertEquals("PLAN", info.text("kind"));
            assertEquals(code, info.text("projectCode"));
            assertEquals(sha256(pdf.bytes()), info.text("sha256"));
            assertEquals("true", info.text("current"));
            assertNull(info.text("from"));
            assertTrue(info.json().get("chainHeadId").asLong() >= 0, "0 while no transaction is booked");
            assertEquals(64, info.text("chainHeadHash").length());

            ApiClient.Reply again = api().get(info.text("pdf")).send();
            assertEquals(200, again.status());
            assertArrayEquals(pdf.bytes(), again.bytes(), "the public PDF is the one served to the committee");
            assertArrayEquals(pdf.bytes(), api().get(PROJECTS + "/" + code + "/plan.pdf").as(committee).send().bytes(),
                    "the same request for the same books gives the same bytes");
        }

        @Test
        @DisplayName("then a change to the plan makes the old number no longer current, and the new plan has another number")
        void superseded() {
            String code = approved();
            String before = api().get(PROJECTS + "/" + code + "/plan.pdf").as(committee).send().header("Mingzhang-Document");
            ApiClient.Reply closed = api().post(PROJECTS + "/" + code + "/close-fundraising").as(accountant).send();
            assertEquals(200, closed.status(), closed::toString);

            String after = api().get(PROJECTS + "/" + code + "/plan.pdf").as(committee).send().header("Mingzhang-Document");
            assertNotEquals(before, after);
            assertEquals("false", api().get(PUBLIC_DOCUMENTS + before).send().text("current"));
            assertEquals("true", api().get(PUBLIC_DOCUMENTS + after).send().text("current"));
        }
    }

    @Nested
    @DisplayName("when a fund that received gifts is disclosed")
    class Disclosure {

        @Test
        @DisplayName("then the PDF lists the gift with its donor masked, never the phone or ID number, and the same bytes twice")
        void masked() throws Exception {
            String fund = newFund();
            Map<String, Object> gift = DonationTestBase.gift(fund, "1234.56");
            ApiClient.Reply given = api().post("/api/v1/donations").as(accountant).key(key()).body(gift).send();
            assertEquals(201, given.status(), given::toString);
            String day = given.text("receivedAt").substring(0, 10);

            String path = "/api/v1/funds/" + fund + "/disclosure.pdf?from=" + day + "&to=" + day;
            ApiClient.Reply pdf = api().get(path).as(committee).send();
            assertEquals(200, pdf.status(), pdf::toString);
            String text;
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
                text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            }
            assertTrue(text.contains("张*明"), text);
            assertTrue(text.contains("1,234.56"), text);
            // A long receipt number wraps in its column; read it without the break.
            assertTrue(text.replaceAll("\\s+", "").contains(given.text("receiptNo")), text);
            for (String personal : List.of("张三明", "13800000000", "370102199001011231")) {
                assertFalse(text.contains(personal), personal + " is on the notice");
            }
            assertArrayEquals(pdf.bytes(), api().get(path).as(committee).send().bytes());
            ApiClient.Reply info = api().get(PUBLIC_DOCUMENTS + pdf.header("Mingzhang-Document")).send();
            assertEquals("DISCLOSURE", info.text("kind"));
            assertEquals(fund, info.text("fundCode"));
            assertEquals(day, info.text("from"));
            assertEquals(day, info.text("to"));
            assertNull(info.text("projectCode"));
        }
    }

    @Nested
    @DisplayName("when a request is refused")
    class Refusals {

        @Test
        @DisplayName("then a staff document needs a token, and the public endpoint refuses unknown and malformed numbers")
        void numbersAndTokens() {
            String code = approved();
            assertProblem(api().get(PROJECTS + "/" + code + "/plan.pdf").send(), 401);
            assertEquals("document-must-exist", problemType(assertProblemReply(
                    api().get(PUBLIC_DOCUMENTS + "MZP-0000-0000-0000-0000").send(), 404)));
            assertEquals(List.of("number"), errorFields(assertProblemReply(api().get(PUBLIC_DOCUMENTS + "MZP-0000").send(), 400)));
            assertEquals("project-must-exist", problemType(assertProblemReply(
                    api().get(PROJECTS + "/NO-SUCH-PROJECT/plan.pdf").as(committee).send(), 404)));
        }

        @Test
        @DisplayName("then a draft has no closing report (409) and a period must run forwards over real dates (400)")
        void closingReportAndPeriod() {
            String code = unique("P-");
            String fund = newFund();
            assertEquals(201, api().post(PROJECTS).as(accountant).body(ProjectsTest.plan(fund, code)).send().status());
            assertEquals("document-must-be-available", problemType(assertProblemReply(
                    api().get(PROJECTS + "/" + code + "/closing-report.pdf").as(committee).send(), 409)));
            assertEquals(List.of("from"), errorFields(assertProblemReply(api().get("/api/v1/funds/" + fund
                    + "/disclosure.pdf?from=2026-06-01&to=2026-05-01").as(committee).send(), 400)));
            assertEquals(List.of("to"), errorFields(assertProblemReply(api().get("/api/v1/funds/" + fund
                    + "/disclosure.pdf?to=2026-02-30").as(committee).send(), 400)));
            assertEquals(List.of("from"), errorFields(assertProblemReply(api().get("/api/v1/funds/" + fund
                    + "/disclosure.pdf?from=2020-01-01&to=2026-01-01").as(committee).send(), 400)));
            ApiClient.Reply disclosure = api().get("/api/v1/funds/" + fund + "/disclosure.pdf?from=2026-01-01&to=2026-12-31")
                    .as(committee).send();
            assertEquals(200, disclosure.status(), disclosure::toString);
            assertFalse(disclosure.header("Mingzhang-Document").isBlank());
        }
    }

    static ApiClient.Reply assertProblemReply(ApiClient.Reply reply, int status) {
        assertProblem(reply, status);
        return reply;
    }
}
