package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.api.ledger.TransactionsController;

/**
 * Gifts as an accountant records them over HTTP: a bank transfer, a gift restricted to a project that is
 * raising money, and goods, each numbered by a gap-free receipt and findable by a trace code, with the
 * fund's balances and trial balance moving by exactly the gift. A replay answers the first booking again;
 * the same key with another gift is a conflict. A gift to a project that a matching pool matches previews
 * the project's match as it stands. Every refusal answers a specific problem naming the
 * field, and is proven to have written nothing: the fund holds as many gifts, and the journal as many
 * transactions, as before. A refund reverses the gift and puts the balances back, once.
 */
@MicronautTest
class DonationsTest extends DonationTestBase {

    @Nested
    @DisplayName("when a bank gift, a restricted gift to a raising project and a gift in kind are recorded "
            + "then each has the next receipt number and the fund's books move by it")
    class Recorded {
        @Test
        void recorded() {
            String fund = newFund();
            String project = raisingProject(fund);
            long journalBefore = journalSize();

            Map<String, Object> bankBody = gift(fund, "500.00");
            ApiClient.Reply bank = post(accountant, key(), bankBody);
            assertEquals(201, bank.status(), bank::toString);
            int year = receiptYear((String) bankBody.get("receivedAt"));
            assertEquals(fund + "-" + year + "-000001", bank.text("receiptNo"));
            assertEquals(DONATIONS + "/" + bank.text("id"), bank.header("Location"));
            assertEquals(fund, bank.text("fundCode"));
            assertTrue(bank.json().get("projectCode").isNull());
            assertFalse(bank.json().get("restricted").asBoolean());
            assertEquals("500.00", bank.text("amount"));
            assertEquals("RECEIVED", bank.text("status"));
            assertEquals("BANK_TRANSFER", bank.text("channel"));
            assertTrue(bank.json().has("matchPreview") && bank.json().get("matchPreview").isNull(), bank::toString);
            assertEquals("+8613800000000", bank.json().get("donor").get("phone").asText(), "staff see the donor in full, "
                    + "the phone in E.164");
            assertEquals("370102199001011231", bank.json().get("donor").get("idNumber").asText());
            assertTrue(bank.text("traceCode").matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"),
                    bank::toString);
            assertNull(bank.header(TransactionsController.REPLAYED_HEADER), "a first booking is not a replay");

            Map<String, Object> restrictedBody = gift(fund, "300.00");
            restrictedBody.put("projectCode", project);
            restrictedBody.put("channel", "WECHAT_PAY");
            ApiClient.Reply restricted = post(accountant, key(), restrictedBody);
            assertEquals(201, restricted.status(), restricted::toString);
            assertEquals(fund + "-" + year + "-000002", restricted.text("receiptNo"));
            assertEquals(project, restricted.text("projectCode"));
            assertTrue(restricted.json().get("restricted").asBoolean());

            Map<String, Object> goodsBody = gift(fund, "1200.00");
            goodsBody.put("channel", "IN_KIND");
            goodsBody.put("inKind", Map.of("description", "冬季棉被", "quantity", "10条", "valuationBasis", "发票价每条120元"));
            donor(goodsBody).put("kind", "ENTERPRISE");
            donor(goodsBody).put("name", "济南某商贸有限公司");
            donor(goodsBody).remove("idNumber");
            donor(goodsBody).put("creditCode", "91370100MA3C00000E");
            ApiClient.Reply goods = post(accountant, key(), goodsBody);
            assertEquals(201, goods.status(), goods::toString);
            assertEquals(fund + "-" + year + "-000003", goods.text("receiptNo"));
            assertEquals("10条", goods.json().get("inKind").get("quantity").asText());
            assertEquals("91370100MA3C00000E", goods.json().get("donor").get("creditCode").asText());

            Set<String> traceCodes = new HashSet<>(List.of(bank.text("traceCode"), restricted.text("traceCode"),
                    goods.text("traceCode")));
            assertEquals(3, traceCodes.size(), "every gift has its own trace code");
            assertEquals(journalBefore + 3, journalSize(), "one transaction per gift");

            JsonNode balances = fund(fund);
            assertEquals("800.00", balances.get("cash").asText(), "bank and WeChat Pay money is cash; goods are not");
            assertEquals("300.00", balances.get("restricted").asText());
            assertEquals("1700.00", balances.get("unrestricted").asText());
            assertEquals("2000.00", trialBalance(fund).get("totalDebit").asText());
            assertEquals("1200.00", balance(fund, "1201"), "goods are booked as inventory at their valuation");
            assertEquals("300.00", balance(fund, "410102"), "restricted donation income");

            ApiClient.Reply read = api().get(DONATIONS + "/" + goods.text("id")).as(auditor).send();
            assertEquals(200, read.status(), read::toString);
            assertEquals(goods.json(), read.json(), "a gift reads back as it was answered");

            assertEquals(3, giftsOf(fund).size());
            ApiClient.Reply ofProject = api().get(DONATIONS + "?projectCode=" + project).as(committee).send();
            assertEquals(1, ofProject.json().get("items").size(), ofProject::toString);
            assertEquals(restricted.text("id"), ofProject.json().get("items").get(0).get("id").asText());
            ApiClient.Reply byDonor = api().get(DONATIONS + "?fundCode=" + fund + "&donor="
                    + URLEncoder.encode("商贸", StandardCharsets.UTF_8)).as(auditor).send();
            assertEquals(1, byDonor.json().get("items").size(), byDonor::toString);
            ApiClient.Reply firstPage = api().get(DONATIONS + "?fundCode=" + fund + "&limit=2").as(auditor).send();
            assertEquals(2, firstPage.json().get("items").size());
            ApiClient.Reply secondPage = api().get(DONATIONS + "?fundCode=" + fund + "&limit=2&cursor="
                    + firstPage.text("nextCursor")).as(auditor).send();
            assertEquals(goods.text("id"), secondPage.json().get("items").get(0).get("id").asText());
            assertTrue(secondPage.json().get("nextCursor").isNull(), secondPage::toString);
        }

        @Test
        @DisplayName("when the same request is sent again then it answers the same gift, and another gift under "
                + "the same key is a 409 that writes nothing")
        void replay() {
            String fund = newFund();
            String key = key();
            Map<String, Object> body = gift(fund, "88.00");
            ApiClient.Reply first = post(accountant, key, body);
            assertEquals(201, first.status(), first::toString);
            long journal = journalSize();

            ApiClient.Reply again = post(accountant, key, body);
            assertEquals(201, again.status(), again::toString);
            assertEquals("true", again.header(TransactionsController.REPLAYED_HEADER));
            assertEquals(first.text("id"), again.text("id"));
            assertEquals(first.text("receiptNo"), again.text("receiptNo"));
            assertEquals(first.text("traceCode"), again.text("traceCode"));
            assertEquals(first.header("Location"), again.header("Location"));

            body.put("amount", "89.00");
            JsonNode conflict = assertProblem(post(accountant, key, body), 409);
            assertEquals("https://mingzhang.org/problems/idempotency-key-must-match-content", conflict.get("type").asText());
            assertEquals(journal, journalSize());
            assertEquals(1, giftsOf(fund).size());
            assertEquals("88.00", fund(fund).get("cash").asText());
        }

        @Test
        @DisplayName("when a gift is restricted to a project that a matching pool matches then the answer previews "
                + "the project's match, this gift included")
        void matchPreview() {
            String fund = newFund();
            String project = raisingProject(fund, matchingPool());
            Map<String, Object> body = gift(fund, "500.00");
            body.put("projectCode", project);
            ApiClient.Reply first = post(accountant, key(), body);
            assertEquals(201, first.status(), first::toString);
            JsonNode preview = first.json().get("matchPreview");
            assertEquals("PROVISIONAL", preview.get("status").asText(), first::toString);
            assertEquals("500.00", preview.get("base").asText());
            assertEquals("50.00", preview.get("provisionalMatch").asText(), "10% of what the project raised");

            ApiClient.Reply second = post(accountant, key(), gift(fund, "700.00"));
            assertTrue(second.json().get("matchPreview").isNull(), "an unrestricted gift has no match");
            body.put("amount", "600.00");
            ApiClient.Reply third = post(accountant, key(), body);
            assertEquals("1100.00", third.json().get("matchPreview").get("base").asText(), third::toString);
            assertEquals("220.00", third.json().get("matchPreview").get("provisionalMatch").asText(),
                    "past 1000.00 raised the whole base is matched at 20%");
            ApiClient.Reply listed = api().get(DONATIONS + "?projectCode=" + project).as(auditor).send();
            listed.json().get("items").forEach(g -> assertEquals("220.00",
                    g.get("matchPreview").get("provisionalMatch").asText(), "every gift shows the match as it stands now"));
        }

        @Test
        @DisplayName("when gifts arrive in a new fund then its receipts start again at 000001")
        void receiptsPerFund() {
            String first = newFund();
            String second = newFund();
            assertEquals(201, post(accountant, key(), gift(first, "1.00")).status());
            ApiClient.Reply other = post(accountant, key(), gift(second, "1.00"));
            assertTrue(other.text("receiptNo").endsWith("-000001"), other::toString);
        }
    }

    @Nested
    @DisplayName("when a gift is refused then the answer names the field and nothing is written")
    class Refused {

        String fund;
        long journalBefore;

        @BeforeEach
        void fundWithOneGift() {
            fund = newFund();
            assertEquals(201, post(accountant, key(), gift(fund, "100.00")).status());
            journalBefore = journalSize();
        }

        ApiClient.Reply refused(Object body, int status, String field) {
            return refused(accountant, key(), body, status, field);
        }

        ApiClient.Reply refused(String token, String key, Object body, int status, String field) {
            ApiClient.Reply reply = post(token, key, body);
            assertProblem(reply, status);
            if (field != null) {
                assertTrue(errorFields(reply).contains(field), () -> "the problem names " + field + ": " + reply);
            }
            assertEquals(journalBefore, journalSize(), "a refused gift writes nothing to the journal");
            assertEquals(1, giftsOf(fund).size(), "a refused gift is not recorded");
            assertEquals("100.00", fund(fund).get("cash").asText(), "a refused gift moves no money");
            return reply;
        }

        @Test
        @DisplayName("when the fund does not exist then 422 fund-must-exist naming fundCode")
        void unknownFund() {
            ApiClient.Reply reply = refused(gift(unique("NOFUND"), "10.00"), 422, "fundCode");
            assertEquals("fund-must-exist", problemType(reply));
        }

        @Test
        @DisplayName("when the project does not exist then 422 project-must-exist naming projectCode")
        void unknownProject() {
            Map<String, Object> body = gift(fund, "10.00");
            body.put("projectCode", unique("NOPROJ"));
            assertEquals("project-must-exist", problemType(refused(body, 422, "projectCode")));
        }

        @Test
        @DisplayName("when the project belongs to another fund then 422 gift-project-must-belong-to-fund")
        void otherFundsProject() {
            Map<String, Object> body = gift(fund, "10.00");
            body.put("projectCode", raisingProject(newFund()));
            assertEquals("gift-project-must-belong-to-fund", problemType(refused(body, 422, "projectCode")));
        }

        @Test
        @DisplayName("when the project is still a draft then 422 project-must-be-raising")
        void notRaising() {
            Map<String, Object> body = gift(fund, "10.00");
            body.put("projectCode", draftProject(fund, Duration.ofDays(-1), Duration.ofDays(30)));
            ApiClient.Reply reply = refused(body, 422, "projectCode");
            assertEquals("project-must-be-raising", problemType(reply));
            assertTrue(reply.text("detail").contains("DRAFT"), reply::toString);
        }

        @Test
        @DisplayName("when the gift was received after the project's window closed then 422 naming receivedAt")
        void outsideWindow() {
            Map<String, Object> body = gift(fund, "10.00");
            body.put("projectCode", closedWindowProject(fund));
            assertEquals("gift-must-be-received-in-window", problemType(refused(body, 422, "receivedAt")));
        }

        @Test
        @DisplayName("when the gift is dated tomorrow then 422 transaction-must-not-be-dated-in-the-future")
        void future() {
            Map<String, Object> body = gift(fund, "10.00");
            body.put("receivedAt", OffsetDateTime.now(CHINA).plusDays(1).truncatedTo(ChronoUnit.SECONDS).toString());
            assertEquals("transaction-must-not-be-dated-in-the-future", problemType(refused(body, 422, "receivedAt")));
        }

        @Test
        @DisplayName("when the amount has a third decimal, is zero or is a JSON number then 400 naming amount")
        void badAmounts() {
            ApiClient.Reply decimals = refused(gift(fund, "1.234"), 400, "amount");
            assertEquals("amount must have at most 2 decimals: 1.234", errorMessage(decimals, "amount"));
            ApiClient.Reply zero = refused(gift(fund, "0"), 400, "amount");
            assertTrue(errorMessage(zero, "amount").contains("greater than zero"), zero::toString);
            Map<String, Object> number = gift(fund, "1.00");
            number.put("amount", 500);
            ApiClient.Reply asNumber = refused(number, 400, "amount");
            assertTrue(errorMessage(asNumber, "amount").contains("string"), asNumber::toString);
        }

        @Test
        @DisplayName("when the channel or the donor's kind is unknown then 400 listing the allowed values")
        void unknownEnums() {
            Map<String, Object> body = gift(fund, "10.00");
            body.put("channel", "PAYPAL");
            ApiClient.Reply channel = refused(body, 400, "channel");
            assertEquals("must be one of BANK_TRANSFER, CASH, WECHAT_PAY, ALIPAY, CHARITY_SALE, IN_KIND: PAYPAL",
                    errorMessage(channel, "channel"));
            Map<String, Object> kind = gift(fund, "10.00");
            donor(kind).put("kind", "ROBOT");
            ApiClient.Reply donorKind = refused(kind, 400, "donor.kind");
            assertEquals("must be one of PERSON, ENTERPRISE, ORGANIZATION: ROBOT", errorMessage(donorKind, "donor.kind"));
        }

        @Test
        @DisplayName("when the donor has no name, or there is no donor, then 400 naming it")
        void noDonorName() {
            Map<String, Object> body = gift(fund, "10.00");
            donor(body).remove("name");
            refused(body, 400, "donor.name");
            Map<String, Object> blank = gift(fund, "10.00");
            donor(blank).put("name", "   ");
            refused(blank, 400, "donor.name");
            Map<String, Object> none = gift(fund, "10.00");
            none.remove("donor");
            refused(none, 400, "donor");
        }

        @Test
        @DisplayName("when a gift in kind does not describe the goods, or a money gift does, then 400 naming inKind")
        void inKind() {
            Map<String, Object> body = gift(fund, "10.00");
            body.put("channel", "IN_KIND");
            refused(body, 400, "inKind");
            body.put("inKind", Map.of("description", "棉被", "quantity", " "));
            ApiClient.Reply partial = refused(body, 400, "inKind.quantity");
            assertTrue(errorFields(partial).contains("inKind.valuationBasis"), partial::toString);
            Map<String, Object> money = gift(fund, "10.00");
            money.put("inKind", Map.of("description", "棉被", "quantity", "1", "valuationBasis", "市价"));
            refused(money, 400, "inKind");
        }

        @Test
        @DisplayName("when a person carries a credit code, or an identifier is blank, then 400 naming it")
        void donorIdentifiers() {
            Map<String, Object> person = gift(fund, "10.00");
            donor(person).put("creditCode", "91370100MA3C00000E");
            refused(person, 400, "donor.creditCode");
            Map<String, Object> blankPhone = gift(fund, "10.00");
            donor(blankPhone).put("phone", "");
            refused(blankPhone, 400, "donor.phone");
            Map<String, Object> longId = gift(fund, "10.00");
            donor(longId).put("idNumber", "1".repeat(101));
            refused(longId, 400, "donor.idNumber");
        }

        @Test
        @DisplayName("when a donor's name grows under Unicode normalisation then it is still a valid name and the gift is booked")
        void expandingName() {
            Map<String, Object> body = gift(fund, "10.00");
            donor(body).remove("idNumber");
            donor(body).remove("phone");
            // 100 characters, each of which NFKC writes as four (株式会社); the donor's key is a fixed-length digest.
            donor(body).put("name", "㍿".repeat(100));
            assertEquals(201, post(accountant, key(), body).status());
        }

        @Test
        @DisplayName("when several fields are wrong then one 400 names every one of them")
        void allAtOnce() {
            Map<String, Object> body = gift(fund, "-5");
            body.put("channel", "SWIFT");
            body.put("receivedAt", "2026-05-01 10:00");
            body.put("fundCode", "");
            ApiClient.Reply reply = refused(body, 400, null);
            assertTrue(errorFields(reply).containsAll(List.of("fundCode", "amount", "channel", "receivedAt")), reply::toString);
        }

        @Test
        @DisplayName("when the Idempotency-Key is missing then 400 naming the header")
        void noKey() {
            refused(accountant, null, gift(fund, "10.00"), 400, "Idempotency-Key");
        }

        @Test
        @DisplayName("when an auditor records a gift then 403")
        void auditor() {
            refused(auditor, key(), gift(fund, "10.00"), 403, null);
        }

        @Test
        @DisplayName("when the body is larger than 1 MB then 413")
        void tooLarge() {
            Map<String, Object> body = gift(fund, "10.00");
            body.put("note", "x".repeat(2 * 1024 * 1024));
            refused(body, 413, null);
        }
    }

    @Nested
    @DisplayName("when a gift is refunded then it is REFUNDED, the balances are as before it, and only once")
    class Refund {
        @Test
        void refund() {
            String fund = newFund();
            String project = raisingProject(fund);
            Map<String, Object> body = gift(fund, "250.00");
            body.put("projectCode", project);
            ApiClient.Reply given = post(accountant, key(), body);
            assertEquals(201, given.status(), given::toString);
            assertEquals("250.00", fund(fund).get("restricted").asText());
            long journal = journalSize();
            String id = given.text("id");

            String key = key();
            ApiClient.Reply refunded = refund(accountant, key, id, "捐赠人重复转账");
            assertEquals(200, refunded.status(), refunded::toString);
            assertEquals("REFUNDED", refunded.text("status"));
            assertEquals("捐赠人重复转账", refunded.text("refundReason"));
            assertFalse(refunded.json().get("refundTransactionId").isNull(), refunded::toString);
            assertFalse(refunded.json().get("refundedAt").isNull(), refunded::toString);
            assertEquals(given.text("receiptNo"), refunded.text("receiptNo"), "the receipt number stays with the gift");
            assertEquals(journal + 1, journalSize(), "the refund is one reversing transaction; the gift's stays");

            JsonNode balances = fund(fund);
            assertEquals("0.00", balances.get("cash").asText());
            assertEquals("0.00", balances.get("restricted").asText());
            assertEquals("REFUNDED", api().get(DONATIONS + "/" + id).as(auditor).send().text("status"));

            ApiClient.Reply replay = refund(accountant, key, id, "捐赠人重复转账");
            assertEquals(200, replay.status(), replay::toString);
            assertEquals("true", replay.header(TransactionsController.REPLAYED_HEADER));
            assertEquals(refunded.text("refundTransactionId"), replay.text("refundTransactionId"));

            JsonNode twice = assertProblem(refund(accountant, key(), id, "again"), 409);
            assertEquals("https://mingzhang.org/problems/gift-must-not-be-refunded-twice", twice.get("type").asText());
            assertEquals(journal + 1, journalSize(), "neither the replay nor the second refund wrote anything");
            assertEquals("0.00", fund(fund).get("cash").asText());
        }

        @Test
        @DisplayName("when the gift does not exist then 404; without a reason or a key 400; an auditor 403")
        void refused() {
            String fund = newFund();
            String id = post(accountant, key(), gift(fund, "10.00")).text("id");
            long journal = journalSize();
            ApiClient.Reply unknown = refund(accountant, key(), "999999", "不存在");
            assertProblem(unknown, 404);
            assertEquals("gift-must-exist", problemType(unknown));
            ApiClient.Reply noReason = refund(accountant, key(), id, " ");
            assertProblem(noReason, 400);
            assertEquals(List.of("reason"), errorFields(noReason));
            ApiClient.Reply noKey = refund(accountant, null, id, "x");
            assertProblem(noKey, 400);
            assertEquals(List.of("Idempotency-Key"), errorFields(noKey));
            assertProblem(refund(auditor, key(), id, "审计不能退款"), 403);
            assertEquals(journal, journalSize());
            assertEquals("RECEIVED", api().get(DONATIONS + "/" + id).as(auditor).send().text("status"));
            ApiClient.Reply unknownGet = api().get(DONATIONS + "/999999").as(auditor).send();
            assertProblem(unknownGet, 404);
            assertEquals("gift-must-exist", problemType(unknownGet));
        }

        ApiClient.Reply refund(String token, String key, String id, String reason) {
            ApiClient.Call call = api().post(DONATIONS + "/" + id + "/refund").as(token).body(Map.of("reason", reason));
            if (key != null) {
                call.key(key);
            }
            return call.send();
        }
    }
}
