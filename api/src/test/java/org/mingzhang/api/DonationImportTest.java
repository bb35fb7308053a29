package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.money.Money;

/**
 * Importing gifts from a CSV as an accountant exports it from a spreadsheet: every good row becomes a
 * gift with the next receipt number, every bad row is reported by the line a spreadsheet shows and the
 * column at fault, and writes nothing (the fund holds exactly the good rows, the journal one transaction
 * each). Sending the same file again books nothing new: every good row is a replay. A file that is wrong
 * as a whole (a column missing, unknown columns, not UTF-8, too many rows) is refused before anything is
 * written.
 */
@MicronautTest
class DonationImportTest extends DonationTestBase {

    static final String IMPORT = DONATIONS + "/import";
    static final String HEADER = "idempotencyKey,fundCode,projectCode,amount,channel,donorName,donorKind,donorPhone,"
            + "donorIdNumber,donorCreditCode,anonymous,publicNameConsent,receivedAt,note,inKindDescription,inKindQuantity,"
            + "inKindValuationBasis";

    /** Posts raw bytes, as a script posting a file does. */
    ApiClient.Reply importCsv(String token, byte[] body, String contentType) {
        return importCsv(token, body, contentType, null);
    }

    /** Posts raw bytes with {@code contentEncoding} as the body's Content-Encoding (none when null). */
    ApiClient.Reply importCsv(String token, byte[] body, String contentType, String contentEncoding) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST(IMPORT, body).contentType(contentType)
                .header("Authorization", "Bearer " + token);
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        HttpResponse<String> response;
        try {
            response = httpClient.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            response = failed;
        }
        String text = response.getBody(String.class).orElse("");
        JsonNode json = null;
        try {
            json = text.isEmpty() ? null : ApiClient.JSON.readTree(text);
        } catch (IOException notJson) {
            json = null;
        }
        return new ApiClient.Reply(response.code(), response.getContentType().map(MediaType::toString).orElse(null), text, json,
                response, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    ApiClient.Reply importCsv(String csv) {
        return importCsv(accountant, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    /** One row in the order of {@link #HEADER}; null cells are left empty, cells with commas or quotes are quoted. */
    static String row(String... cells) {
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            if (c == null) {
                out.add("");
            } else if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                out.add("\"" + c.replace("\"", "\"\"") + "\"");
            } else {
                out.add(c);
            }
        }
        return String.join(",", out);
    }

    static String money(String key, String fund, String project, String amount, String channel, String receivedAt) {
        return row(key, fund, project, amount, channel, "李四", "PERSON", "13900000000", null, null, "false", "false",
                receivedAt, null, null, null, null);
    }

    static Map<Integer, JsonNode> byLine(ApiClient.Reply reply) {
        Map<Integer, JsonNode> lines = new HashMap<>();
        reply.json().get("results").forEach(r -> lines.put(r.get("line").asInt(), r));
        return lines;
    }

    @Nested
    @DisplayName("when a file of 500 rows has four bad ones then the 496 good rows are gifts and the bad are reported by line")
    class FiveHundred {
        @Test
        void importAndReimport() {
            String fund = newFund();
            String project = raisingProject(fund);
            String closed = closedWindowProject(fund);
            String at = anHourAgo();
            String prefix = unique("imp-");
            StringBuilder csv = new StringBuilder(HEADER).append('\n');
            long goodFen = 0;
            long restrictedFen = 0;
            long goodsFen = 0;
            String[] channels = {"BANK_TRANSFER", "CASH", "WECHAT_PAY", "ALIPAY", "CHARITY_SALE"};
            for (int i = 1; i <= 500; i++) {
                String key = prefix + i;
                String amount = (i % 50 + 1) + "." + (i % 10) + "0";
                long fen = Money.parse(amount).fen();
                String line = switch (i) {
                    case 10 -> money(key, fund, null, "12.345", "CASH", at);
                    case 20 -> money(key, fund, null, amount, "PAYPAL", at);
                    case 30 -> money(key, fund, "NO-SUCH-PROJECT", amount, "CASH", at);
                    case 40 -> money(key, fund, closed, amount, "CASH", at);
                    default -> {
                        goodFen += fen;
                        if (i % 7 == 0) {
                            goodsFen += fen;
                            yield row(key, fund, null, amount, "IN_KIND", "济南某商贸有限公司", "ENTERPRISE", null, null,
                                    creditCode("91370100MA3C0000" + (i % 10)), "false", "TRUE", at, "年货, \"爱心\"礼包",
                                    "大米", i + "袋", "市价");
                        }
                        if (i % 5 == 0) {
                            restrictedFen += fen;
                            yield money(key, fund, project, amount, channels[i % channels.length], at);
                        }
                        yield money(key, fund, null, amount, channels[i % channels.length], at);
                    }
                };
                csv.append(line).append('\n');
            }
            long journal = journalSize();

            ApiClient.Reply first = importCsv(csv.toString());
            assertEquals(200, first.status(), first::toString);
            assertEquals(500, first.json().get("rows").asInt());
            assertEquals(496, first.json().get("created").asInt(), first::toString);
            assertEquals(0, first.json().get("replayed").asInt());
            assertEquals(2, first.json().get("refused").asInt());
            assertEquals(2, first.json().get("invalid").asInt());
            Map<Integer, JsonNode> lines = byLine(first);
            assertEquals(500, lines.size());
            assertBad(lines.get(11), "INVALID", "amount", "at most 2 decimals");
            assertBad(lines.get(21), "INVALID", "channel", "must be one of BANK_TRANSFER");
            assertBad(lines.get(31), "REFUSED", "projectCode", "NO-SUCH-PROJECT");
            assertBad(lines.get(41), "REFUSED", "receivedAt", closed);
            JsonNode firstGood = lines.get(2);
            assertEquals("CREATED", firstGood.get("status").asText());
            assertEquals(prefix + 1, firstGood.get("idempotencyKey").asText());
            int year = receiptYear(at);
            assertEquals(fund + "-" + year + "-000001", firstGood.get("receiptNo").asText());
            assertEquals(fund + "-" + year + "-000496", lines.get(501).get("receiptNo").asText(),
                    "receipts follow the file's order without gaps, the bad rows taking no number");
            assertFalse(firstGood.has("errors"), "a created row carries no errors");

            List<JsonNode> gifts = giftsOf(fund);
            assertEquals(496, gifts.size(), "only the good rows are gifts");
            assertEquals(journal + 496, journalSize(), "one transaction per good row, none for a bad one");
            JsonNode balances = fund(fund);
            assertEquals(Money.format(goodFen - goodsFen), balances.get("cash").asText());
            assertEquals(Money.format(restrictedFen), balances.get("restricted").asText());
            assertEquals(Money.format(goodFen), trialBalance(fund).get("totalDebit").asText());
            JsonNode goods = gifts.stream().filter(g -> g.get("channel").asText().equals("IN_KIND")).findFirst().orElseThrow();
            assertEquals("年货, \"爱心\"礼包", goods.get("note").asText(), "a quoted cell keeps its comma and quotes");
            assertTrue(goods.get("donor").get("publicNameConsent").asBoolean(), "TRUE as a spreadsheet writes it");

            ApiClient.Reply again = importCsv(csv.toString());
            assertEquals(200, again.status(), again::toString);
            assertEquals(0, again.json().get("created").asInt(), again::toString);
            assertEquals(496, again.json().get("replayed").asInt());
            assertEquals(2, again.json().get("refused").asInt());
            assertEquals(2, again.json().get("invalid").asInt());
            Map<Integer, JsonNode> replayed = byLine(again);
            assertEquals("REPLAYED", replayed.get(2).get("status").asText());
            assertEquals(firstGood.get("id").asLong(), replayed.get(2).get("id").asLong(), "a replay names the same gift");
            assertEquals(firstGood.get("receiptNo").asText(), replayed.get(2).get("receiptNo").asText());
            assertEquals(496, giftsOf(fund).size(), "sending the file again books nothing new");
            assertEquals(journal + 496, journalSize());
        }

        void assertBad(JsonNode result, String status, String field, String messagePart) {
            assertEquals(status, result.get("status").asText(), result::toString);
            assertNull(result.get("id"), result::toString);
            assertNull(result.get("receiptNo"), result::toString);
            JsonNode error = result.get("errors").get(0);
            assertEquals(field, error.get("field").asText(), result::toString);
            assertTrue(error.get("message").asText().contains(messagePart), result::toString);
        }
    }

    @Nested
    @DisplayName("when a file comes from a spreadsheet then lines are counted as its rows")
    class Spreadsheet {
        @Test
        @DisplayName("when it has a byte-order mark, CRLF, blank rows and a cell over two lines then each result has "
                + "the row number the spreadsheet shows")
        void lines() {
            String fund = newFund();
            String at = anHourAgo();
            String p = unique("ss-");
            String csv = HEADER + "\r\n"
                    + money(p + "a", fund, null, "10.00", "CASH", at) + "\r\n"
                    + "\r\n"
                    + row(p + "b", fund, null, "20.00", "CASH", "王五", "PERSON", null, null, null, "true", null, at,
                    "第一行\n第二行", null, null, null) + "\r\n"
                    + ",,,,,,,,,,,,,,,,\r\n"
                    + money(p + "c", fund, null, "abc", "CASH", at) + "\r\n";
            byte[] body = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
            ApiClient.Reply reply = importCsv(accountant, body, "text/csv; charset=utf-8");
            assertEquals(200, reply.status(), reply::toString);
            assertEquals(3, reply.json().get("rows").asInt(), "blank rows are skipped: " + reply);
            Map<Integer, JsonNode> lines = byLine(reply);
            assertEquals("CREATED", lines.get(2).get("status").asText(), reply::toString);
            assertEquals("CREATED", lines.get(4).get("status").asText(), reply::toString);
            assertEquals("INVALID", lines.get(6).get("status").asText(), reply::toString);
            assertEquals("amount", lines.get(6).get("errors").get(0).get("field").asText());
            JsonNode two = api().get(DONATIONS + "/" + lines.get(4).get("id").asText()).as(auditor).send().json();
            assertEquals("第一行\n第二行", two.get("note").asText());
            assertTrue(two.get("donor").get("anonymous").asBoolean());
        }

        @Test
        @DisplayName("when a key appears twice then the same gift again is a replay and another gift under it is refused")
        void duplicateKeys() {
            String fund = newFund();
            String at = anHourAgo();
            String key = unique("dup-");
            String csv = HEADER + "\n" + money(key, fund, null, "10.00", "CASH", at) + "\n"
                    + money(key, fund, null, "10.00", "CASH", at) + "\n"
                    + money(key, fund, null, "11.00", "CASH", at) + "\n";
            ApiClient.Reply reply = importCsv(csv);
            Map<Integer, JsonNode> lines = byLine(reply);
            assertEquals("CREATED", lines.get(2).get("status").asText(), reply::toString);
            assertEquals("REPLAYED", lines.get(3).get("status").asText(), reply::toString);
            assertEquals(lines.get(2).get("id"), lines.get(3).get("id"));
            assertEquals("REFUSED", lines.get(4).get("status").asText(), reply::toString);
            assertEquals("idempotencyKey", lines.get(4).get("errors").get(0).get("field").asText());
            assertEquals(1, giftsOf(fund).size());
        }

        @Test
        @DisplayName("when a cell holds NUL, a bidi override or a line break where one line belongs then that row alone is "
                + "INVALID, naming the column (issue 11, findings 2 and 6)")
        void unsafeText() {
            String fund = newFund();
            String at = anHourAgo();
            String csv = HEADER + "\n" + money(unique("k-"), fund, null, "10.00", "CASH", at) + "\n"
                    + row(unique("k-"), fund, null, "10.00", "CASH", "李\u0000四", "PERSON", null, null, null, null, null, at,
                    null, null, null, null) + "\n"
                    + row(unique("k-"), fund, null, "10.00", "CASH", "\u202e四李", "PERSON", null, null, null, null, null, at,
                    null, null, null, null) + "\n"
                    + row(unique("k-"), fund, null, "10.00", "CASH", "李\n四", "PERSON", null, null, null, null, null, at,
                    "备注可以\n分行", null, null, null) + "\n";
            ApiClient.Reply reply = importCsv(csv);
            assertEquals(200, reply.status(), reply::toString);
            Map<Integer, JsonNode> lines = byLine(reply);
            assertEquals("CREATED", lines.get(2).get("status").asText(), reply::toString);
            for (int line : new int[] {3, 4, 5}) {
                assertEquals("INVALID", lines.get(line).get("status").asText(), reply::toString);
                assertEquals("donorName", lines.get(line).get("errors").get(0).get("field").asText(), reply::toString);
            }
            assertTrue(lines.get(3).get("errors").get(0).get("message").asText().contains("U+0000"), reply::toString);
            assertEquals(1, lines.get(5).get("errors").size(), "the note may run over lines: " + reply);
            assertEquals(1, giftsOf(fund).size());
        }

        @Test
        @DisplayName("when a file is larger than the 1 MB a JSON body may have then it is still read, as it streams")
        void largerThanAJsonBody() {
            String fund = newFund();
            String at = anHourAgo();
            String note = "备注".repeat(150);
            StringBuilder csv = new StringBuilder(HEADER).append('\n');
            int rows = 0;
            while (csv.length() * 3 < 1_500_000) { // UTF-8: the note's characters take three bytes each
                rows++;
                csv.append(row(unique("big-"), fund, null, "1.234", "CASH", "李四", "PERSON", null, null, null, null, null, at,
                        note, null, null, null)).append('\n');
            }
            ApiClient.Reply reply = importCsv(csv.toString());
            assertEquals(200, reply.status(), reply::toString);
            assertEquals(rows, reply.json().get("invalid").asInt(), "every row is read (each has a third decimal)");
            assertEquals(0, giftsOf(fund).size());
        }

        @Test
        @DisplayName("when a row is short of cells, lacks its key or has a bad boolean then that row alone is INVALID")
        void badRows() {
            String fund = newFund();
            String at = anHourAgo();
            String csv = HEADER + "\n" + money(unique("k-"), fund, null, "10.00", "CASH", at) + "\n"
                    + "short," + fund + ",,10.00,CASH\n"
                    + money(null, fund, null, "10.00", "CASH", at) + "\n"
                    + row(unique("k-"), fund, null, "10.00", "CASH", "李四", "PERSON", null, null, null, "yes", null, at,
                    null, null, null, null) + "\n";
            ApiClient.Reply reply = importCsv(csv);
            assertEquals(200, reply.status(), reply::toString);
            Map<Integer, JsonNode> lines = byLine(reply);
            assertEquals("CREATED", lines.get(2).get("status").asText());
            assertEquals("INVALID", lines.get(3).get("status").asText());
            assertTrue(lines.get(3).get("errors").get(0).get("message").asText().contains("5 cells"), reply::toString);
            assertEquals("idempotencyKey", lines.get(4).get("errors").get(0).get("field").asText(), reply::toString);
            assertEquals("anonymous", lines.get(5).get("errors").get(0).get("field").asText(), reply::toString);
            assertEquals(1, giftsOf(fund).size());
        }
    }

    @Nested
    @DisplayName("when the file is wrong as a whole then 400 and nothing is written")
    class WholeFile {

        void assertNothingWritten(long journalBefore, String fund) {
            assertEquals(journalBefore, journalSize());
            assertEquals(0, giftsOf(fund).size());
        }

        @Test
        @DisplayName("when a header column is missing, unknown or repeated then 400 naming each")
        void header() {
            String fund = newFund();
            long journal = journalSize();
            String at = anHourAgo();
            String noNote = HEADER.replace(",note,", ",");
            String row = money(unique("h-"), fund, null, "10.00", "CASH", at);
            ApiClient.Reply missing = importCsv(noNote + "\n" + row + "\n");
            assertProblem(missing, 400);
            assertEquals(List.of("note"), errorFields(missing));
            ApiClient.Reply unknown = importCsv(HEADER + ",donorEmail\n" + row + ",a@b.c\n");
            assertProblem(unknown, 400);
            assertEquals(List.of("donorEmail"), errorFields(unknown));
            ApiClient.Reply twice = importCsv(HEADER + ",amount\n" + row + ",10.00\n");
            assertProblem(twice, 400);
            assertEquals(List.of("amount"), errorFields(twice));
            assertProblem(importCsv(""), 400);
            assertNothingWritten(journal, fund);
        }

        @Test
        @DisplayName("when the file is not UTF-8 or not CSV then 400; when it is not text/csv then 415")
        void encoding() {
            String fund = newFund();
            long journal = journalSize();
            String csv = HEADER + "\n" + money(unique("e-"), fund, null, "10.00", "CASH", anHourAgo()) + "\n";
            ApiClient.Reply gbk = importCsv(accountant, csv.getBytes(Charset.forName("GBK")), "text/csv");
            assertProblem(gbk, 400);
            assertTrue(gbk.text("detail").contains("UTF-8"), gbk::toString);
            ApiClient.Reply unclosed = importCsv(HEADER + "\n\"" + csv.substring(HEADER.length() + 1));
            assertProblem(unclosed, 400);
            assertProblem(importCsv(accountant, csv.getBytes(StandardCharsets.UTF_8), "application/json"), 415);
            assertNothingWritten(journal, fund);
        }

        @Test
        @DisplayName("when the file is gzipped, it is read; when it says gzip and is not, then 400 naming Content-Encoding")
        void compressed() throws IOException {
            String fund = newFund();
            long journal = journalSize();
            String csv = HEADER + "\n" + money(unique("z-"), fund, null, "10.00", "CASH", anHourAgo()) + "\n";
            ApiClient.Reply plain = importCsv(accountant, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "gzip");
            assertProblem(plain, 400);
            assertEquals("Content-Encoding", plain.json().path("errors").path(0).path("field").asText(), plain::toString);
            assertTrue(plain.text("detail").contains("says that the body is compressed (gzip or deflate), and the body is "
                    + "not in that coding"), plain::toString);
            assertNothingWritten(journal, fund);
            java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzipped)) {
                out.write(csv.getBytes(StandardCharsets.UTF_8));
            }
            ApiClient.Reply read = importCsv(accountant, gzipped.toByteArray(), "text/csv", "gzip");
            assertEquals(200, read.status(), read::toString);
            assertEquals(1, read.json().path("created").asInt(), read::toString);
        }

        @Test
        @DisplayName("when the file has more than 100000 rows then 400 naming the limit")
        void tooManyRows() {
            String fund = newFund();
            long journal = journalSize();
            String at = anHourAgo();
            StringBuilder csv = new StringBuilder(HEADER).append('\n');
            for (int i = 0; i <= 100_000; i++) {
                csv.append('k').append(i).append(',').append(fund).append(",,1.00,CASH,a,PERSON,,,,,,").append(at)
                        .append(",,,,\n");
            }
            ApiClient.Reply reply = importCsv(csv.toString());
            assertProblem(reply, 400);
            assertTrue(reply.text("detail").contains("100000"), reply::toString);
            assertTrue(reply.text("detail").contains("importRowsMax"), reply::toString);
            assertNothingWritten(journal, fund);
        }

        @Test
        @DisplayName("when an auditor imports then 403")
        void auditor() {
            String fund = newFund();
            long journal = journalSize();
            String csv = HEADER + "\n" + money(unique("a-"), fund, null, "10.00", "CASH", anHourAgo()) + "\n";
            assertProblem(importCsv(auditor, csv.getBytes(StandardCharsets.UTF_8), "text/csv"), 403);
            assertNothingWritten(journal, fund);
        }
    }
}
