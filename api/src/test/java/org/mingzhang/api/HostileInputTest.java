package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11's findings on text and dates, each as a hostile client sends it: a 400 naming the field and showing the
 * value, never a 500, and nothing written (the journal as long as before, the fund's gifts and bank balance as they
 * were). {@link HostileInputPostgresTest} runs the same on PostgreSQL, where NUL and lone surrogates once failed.
 */
@MicronautTest
class HostileInputTest extends DonationTestBase {

    static final String ENTRIES = "/api/v1/ledger/transactions";

    @Inject
    EmbeddedServer server;

    String fund;
    long journalBefore;
    String bankBefore;
    int giftsBefore;

    @BeforeEach
    void fundWithAGift() {
        fund = newFund();
        assertEquals(201, post(accountant, key(), gift(fund, "100.00")).status());
        journalBefore = journalSize();
        bankBefore = balance(fund, "1002");
        giftsBefore = giftsOf(fund).size();
    }

    void assertUnchanged() {
        assertEquals(journalBefore, journalSize(), "a refused request writes nothing to the journal");
        assertEquals(bankBefore, balance(fund, "1002"), "a refused request moves no money");
        assertEquals(giftsBefore, giftsOf(fund).size(), "a refused request records no gift");
    }

    /** Checks a 400 that names {@code field} and whose message says {@code says}, and that nothing was written. */
    void assertRefused(ApiClient.Reply reply, String field, String says) {
        assertProblem(reply, 400);
        assertEquals(List.of(field), errorFields(reply), reply::toString);
        assertTrue(errorMessage(reply, field).contains(says), reply::toString);
        assertUnchanged();
    }

    /** A gift whose donor name is the raw JSON string literal {@code nameLiteral} (escapes as JSON writes them). */
    String giftWithName(String nameLiteral) {
        return "{\"fundCode\":\"" + fund + "\",\"amount\":\"5.00\",\"channel\":\"BANK_TRANSFER\",\"receivedAt\":\""
                + anHourAgo() + "\",\"donor\":{\"name\":\"" + nameLiteral + "\",\"kind\":\"PERSON\"}}";
    }

    @Nested
    @DisplayName("finding 2: NUL in a body, a path or a query is a 400 naming where it was")
    class Nul {
        @Test
        void inABodyField() {
            ApiClient.Reply reply = post(accountant, key(), giftWithName("王\\u0000五"));
            assertRefused(reply, "donor.name", "U+0000");
            assertTrue(errorMessage(reply, "donor.name").contains("王\\u0000五"), "the value is shown, escaped: " + reply);
        }

        @Test
        void inANestedListField() {
            ApiClient.Reply reply = api().post(ENTRIES).as(accountant).key(key())
                    .body(entry(fund, "x", List.of(debit("1002\u0000", "5.00"), credit("410101", "5.00")))).send();
            assertRefused(reply, "postings[0].accountCode", "U+0000");
        }

        @Test
        void inAPathParameter() {
            assertRefused(api().get("/api/v1/funds/%00").as(accountant).send(), "code", "U+0000");
        }

        @Test
        @DisplayName("a code in the path that is blank or longer than any code is a 400, never a 500 (found by FuzzTest)")
        void notACodeInThePath() {
            for (String code : List.of("%20", "A".repeat(40))) {
                ApiClient.Reply fee = api().post("/api/v1/projects/" + code + "/management-fees").as(ADMIN_TOKEN).key(key()).send();
                assertRefused(fee, "code", "must be a code");
                ApiClient.Reply collect = api().post("/api/v1/matching-pools/" + code + "/collections").as(ADMIN_TOKEN)
                        .key(key()).body(Map.of("projectCode", "P1")).send();
                assertRefused(collect, "code", "must be a code");
            }
        }

        @Test
        void inAQueryParameter() {
            assertRefused(api().get(ENTRIES + "?fundCode=a%00b").as(accountant).send(), "fundCode", "U+0000");
        }
    }

    @Nested
    @DisplayName("finding 6: control characters, bidi overrides and lone surrogates are refused; prose keeps its lines")
    class UnsafeText {
        @ParameterizedTest
        @ValueSource(strings = {"a\\u0007b", "\\u202egnp.exe", "a\\u2066b", "a\\ud800b", "a\\udc00", "a\\u009fb",
                "a\\tb", "a\\nb"})
        void inAOneLineField(String nameLiteral) {
            ApiClient.Reply reply = post(accountant, key(), giftWithName(nameLiteral));
            assertRefused(reply, "donor.name", "must not contain U+");
        }

        @Test
        void proseMayRunOverLines() {
            Map<String, Object> gift = gift(fund, "5.00");
            gift.put("note", "第一行\n第二行\t完");
            ApiClient.Reply reply = post(accountant, key(), gift);
            assertEquals(201, reply.status(), reply::toString);
            assertEquals("第一行\n第二行\t完", reply.text("note"));
        }

        @Test
        void proseStillRefusesNulAndOverrides() {
            Map<String, Object> gift = gift(fund, "5.00");
            gift.put("note", "付款\u202e");
            assertRefused(post(accountant, key(), gift), "note", "U+202E");
        }

        @Test
        void aFormulaIsKeptAsGivenInTheBooks() {
            // Stored as given; an export writes it through SpreadsheetText, which makes it text (SpreadsheetTextTest).
            Map<String, Object> gift = gift(fund, "5.00");
            donor(gift).put("name", "=cmd|' /C calc'!A0");
            ApiClient.Reply reply = post(accountant, key(), gift);
            assertEquals(201, reply.status(), reply::toString);
            assertEquals("=cmd|' /C calc'!A0", reply.json().get("donor").get("name").asText());
        }

        @Test
        void rareCharactersAndEmojiAreText() {
            Map<String, Object> gift = gift(fund, "5.00");
            donor(gift).put("name", "𠀾𪚥 🙂");
            ApiClient.Reply reply = post(accountant, key(), gift);
            assertEquals(201, reply.status(), reply::toString);
        }
    }

    @Nested
    @DisplayName("finding 3: a time or date outside the years 1900 to 2200 is a 400 naming the field")
    class Dates {
        @ParameterizedTest
        @ValueSource(strings = {"+292278994-01-01T00:00:00+08:00", "-292275055-01-01T00:00:00+08:00",
                "0000-01-01T00:00:00+08:00", "1899-12-31T23:59:59+08:00", "2201-01-01T00:00:00+08:00"})
        void occurredAt(String time) {
            ApiClient.Reply reply = api().post(ENTRIES).as(accountant).key(key())
                    .body(entry(fund, "x", time, List.of(debit("1002", "5.00"), credit("410101", "5.00")))).send();
            assertRefused(reply, "occurredAt", "1900 to 2200");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0000-01-01", "+999999999-12-31T00:00:00Z", "1899-12-31"})
        void asOf(String asOf) {
            ApiClient.Reply reply = api().get("/api/v1/ledger/trial-balance?asOf=" + asOf.replace("+", "%2B"))
                    .as(accountant).send();
            assertRefused(reply, "asOf", "1900 to 2200");
        }

        @Test
        void theFirstDayOfTheRangeIsTaken() {
            ApiClient.Reply reply = api().get("/api/v1/ledger/trial-balance?asOf=1900-01-01").as(accountant).send();
            assertEquals(200, reply.status(), reply::toString);
        }

        @Test
        void receivedAt() {
            Map<String, Object> gift = gift(fund, "5.00");
            gift.put("receivedAt", "0000-01-01T00:00:00+08:00");
            assertRefused(post(accountant, key(), gift), "receivedAt", "1900 to 2200");
        }
    }

    @Nested
    @DisplayName("finding 5: one donor is one donor however the number is written; what is not a number is a 400")
    class DonorIdentity {
        @Test
        void onePhoneWrittenThreeWays() {
            for (String written : List.of("+86 13900001111", "139-0000-1111", "13900001111", "+86-139 0000 1111")) {
                Map<String, Object> gift = gift(fund, "5.00");
                donor(gift).remove("idNumber");
                donor(gift).put("phone", written);
                ApiClient.Reply reply = post(accountant, key(), gift);
                assertEquals(201, reply.status(), reply::toString);
                assertEquals("+8613900001111", reply.json().get("donor").get("phone").asText(), written);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"<script>", "12345", "139000011112222", "+999 1234"})
        void notAPhone(String phone) {
            Map<String, Object> gift = gift(fund, "5.00");
            donor(gift).put("phone", phone);
            assertRefused(post(accountant, key(), gift), "donor.phone", "must be a phone number");
        }

        @ParameterizedTest
        @ValueSource(strings = {"370102199001011234", "37010219900101123", "370102199013011231", "37010219900101123A"})
        void notAResidentId(String id) {
            Map<String, Object> gift = gift(fund, "5.00");
            donor(gift).put("idNumber", id);
            assertRefused(post(accountant, key(), gift), "donor.idNumber", id);
        }

        @Test
        void aResidentIdIsWrittenOneWay() {
            String id = residentId("11010519491231002");
            Map<String, Object> gift = gift(fund, "5.00");
            donor(gift).put("idNumber", id.toLowerCase(java.util.Locale.ROOT).replace("1101", "1101 "));
            ApiClient.Reply reply = post(accountant, key(), gift);
            assertEquals(201, reply.status(), reply::toString);
            assertEquals(id, reply.json().get("donor").get("idNumber").asText());
        }

        @Test
        void aCreditCodeHasItsCheckCharacter() {
            Map<String, Object> gift = gift(fund, "5.00");
            donor(gift).put("kind", "ENTERPRISE");
            donor(gift).remove("idNumber");
            donor(gift).put("creditCode", "91370100MA3C000000");
            assertRefused(post(accountant, key(), gift), "donor.creditCode", "check character");
            donor(gift).put("creditCode", creditCode("91370100MA3C00001"));
            assertEquals(201, post(accountant, key(), gift).status());
        }
    }

    @Nested
    @DisplayName("finding 7: the 1 MB limit on a JSON body counts the bytes of a chunked body as they arrive")
    class ChunkedBody {
        @Test
        void fiveMegabytesWithoutContentLength() throws Exception {
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            int chunks = 80; // 5 MB of spaces, inside a JSON string so that a whole read would parse as far as its end
            java.io.InputStream body = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                    new java.io.ByteArrayInputStream(("{\"fundCode\":\"" + fund + "\",\"note\":\"").getBytes()),
                    new java.io.InputStream() {
                        private int at;

                        @Override
                        public int read() {
                            byte[] one = new byte[1];
                            return read(one, 0, 1) < 0 ? -1 : one[0];
                        }

                        @Override
                        public int read(byte[] b, int off, int len) {
                            if (at >= chunks * chunk.length) {
                                return -1;
                            }
                            int n = Math.min(len, chunks * chunk.length - at);
                            java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                            at += n;
                            return n;
                        }
                    },
                    new java.io.ByteArrayInputStream("\"}".getBytes()))));
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            server.getURI().resolve(DONATIONS))
                    .header("Authorization", "Bearer " + accountant).header("Idempotency-Key", key())
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
            // The server answers and closes while the client still sends; lingering on close, it lets the client read
            // the answer (an IOException here, a reset connection, is a failure: see OversizedRequests).
            java.net.http.HttpResponse<String> response = client.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), response::body);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response::toString);
            assertTrue(response.body().contains("passed the 1048576 bytes that POST " + DONATIONS + " takes (jsonBodyBytesMax)"),
                    response::body);
            assertTrue(!response.body().toLowerCase(java.util.Locale.ROOT).contains("micronaut"),
                    "the framework's advice to its developers stays out of the answer: " + response.body());
            assertUnchanged();
        }
    }

    @Nested
    @DisplayName("a request line or headers longer than the server reads: every client reads a 414 or 431 naming the "
            + "limit, never a reset connection, and nothing is written")
    class OversizedRequests {
        static final int TRIES = 100;

        /**
         * A gift whose request the server cannot read to its end, sent {@link #TRIES} times on the JDK's client. With the
         * lingering close turned off, 13 and 8 of the 100 tries saw a reset connection instead of the answer.
         */
        void everyTryReadsTheProblem(int status, String says, java.util.function.Supplier<java.net.http.HttpRequest> request)
                throws Exception {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            List<String> lost = new java.util.ArrayList<>();
            for (int i = 0; i < TRIES; i++) {
                java.net.http.HttpResponse<String> response;
                try {
                    response = client.send(request.get(), java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException dropped) {
                    lost.add("try " + i + ": " + dropped);
                    continue;
                }
                assertEquals(status, response.statusCode(), response::body);
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        response::toString);
                assertTrue(response.body().contains(says), response::body);
            }
            assertEquals(List.of(), lost, "every client read its answer");
            assertUnchanged();
        }

        java.net.http.HttpRequest.Builder gift(String query) {
            String body;
            try {
                body = ApiClient.JSON.writeValueAsString(DonationTestBase.gift(fund, "5.00"));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return java.net.http.HttpRequest.newBuilder(server.getURI().resolve(DONATIONS + query))
                    .header("Authorization", "Bearer " + accountant).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        }

        @Test
        void aHundredKilobyteIdempotencyKey() throws Exception {
            everyTryReadsTheProblem(431, "8192 bytes", () -> gift("").header("Idempotency-Key", "k".repeat(100_000)).build());
        }

        @Test
        void aClientThatKeepsSendingIsCutOffOnceTheLingerEnds() throws Exception {
            try (java.net.Socket socket = new java.net.Socket(server.getHost(), server.getPort())) {
                socket.setSoTimeout(10_000);
                java.io.OutputStream out = socket.getOutputStream();
                out.write(("POST " + DONATIONS + " HTTP/1.1\r\nHost: mingzhang\r\nIdempotency-Key: " + "k".repeat(10_000)
                        + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                // The answer, then the end of the server's side, while the client has not finished its headers.
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(answer.matches("(?s)HTTP/1\\.[01] 431 .*headers-too-large.*"), answer);
                // The client goes on sending: the server reads and discards it, then closes after the linger.
                long start = System.nanoTime();
                byte[] more = new byte[1024];
                java.io.IOException cut = null;
                while (cut == null && System.nanoTime() - start < 10_000_000_000L) {
                    try {
                        out.write(more);
                        out.flush();
                        Thread.sleep(50);
                    } catch (java.io.IOException closed) {
                        cut = closed;
                    }
                }
                assertTrue(cut != null, "a lingering connection is closed in the end, not held for a client that never stops");
            }
            assertUnchanged();
        }

        @Test
        void aHundredKilobyteQuery() throws Exception {
            everyTryReadsTheProblem(414, "4096 bytes",
                    () -> gift("?note=" + "q".repeat(100_000)).header("Idempotency-Key", key()).build());
        }
    }

    @Nested
    @DisplayName("a body in a coding the server does not read, or not in the coding it names: a 415 or a 400 naming "
            + "Content-Encoding, never a 500, and nothing written")
    class ContentEncoding {

        /** Sends {@code body} as a gift with {@code coding} as its Content-Encoding, on the JDK's client (bytes as they are). */
        java.net.http.HttpResponse<String> send(String coding, byte[] body) throws Exception {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(DONATIONS))
                    .header("Authorization", "Bearer " + accountant).header("Idempotency-Key", key())
                    .header("Content-Type", "application/json").header("Content-Encoding", coding)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        byte[] giftJson() throws Exception {
            return ApiClient.JSON.writeValueAsBytes(gift(fund, "7.00"));
        }

        void assertProblem(java.net.http.HttpResponse<String> response, int status, String says) throws Exception {
            assertEquals(status, response.statusCode(), response::body);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response::toString);
            assertTrue(response.body().contains(says), response::body);
            assertUnchanged();
        }

        @ParameterizedTest
        @ValueSource(strings = {"gzip", "x-gzip", "deflate", "GZIP"})
        void aBodyThatIsNotInTheCodingItNamesIsA400NamingTheHeader(String coding) throws Exception {
            java.net.http.HttpResponse<String> response = send(coding, giftJson());
            assertProblem(response, 400, "says that the body is compressed (gzip or deflate), and the body is not in "
                    + "that coding");
            com.fasterxml.jackson.databind.JsonNode problem = ApiClient.JSON.readTree(response.body());
            assertEquals("Content-Encoding", problem.path("errors").path(0).path("field").asText(), response::body);
        }

        @Test
        void aBodyInAnotherCodingIsA415ThatSaysWhichTheServerReads() throws Exception {
            for (String coding : List.of("br", "zstd", "compress", "gzip, gzip", "gzip, br")) {
                java.net.http.HttpResponse<String> response = send(coding, giftJson());
                assertProblem(response, 415, "is \\\"" + coding + "\\\", which this server does not read");
                assertEquals("gzip, deflate", response.headers().firstValue("Accept-Encoding").orElse(null), coding);
            }
            ApiClient.Reply read = api().get(DONATIONS + "?fundCode=" + fund).as(accountant)
                    .header("Content-Encoding", "br").send();
            assertEquals(200, read.status(), "an operation that reads no body does not care how one is coded: " + read);
        }

        @Test
        void aGzippedOrDeflatedBodyIsReadAsItsCodingSays() throws Exception {
            java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzipped)) {
                out.write(giftJson());
            }
            assertEquals(201, send("gzip", gzipped.toByteArray()).statusCode());
            java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
            try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(deflated)) {
                out.write(giftJson());
            }
            assertEquals(201, send("deflate", deflated.toByteArray()).statusCode());
            assertEquals(201, send("identity", giftJson()).statusCode());
            assertEquals(giftsBefore + 3, giftsOf(fund).size(), "each coding the server reads records its gift");
        }
    }
}
