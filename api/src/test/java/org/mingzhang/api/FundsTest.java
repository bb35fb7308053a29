package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Opening funds in the federation's tree (city → street → community) and reading them back with their
 * chart of accounts and balances.
 */
@MicronautTest
class FundsTest extends ApiTestBase {

    ApiClient.Reply open(Map<String, Object> body) {
        return api().post("/api/v1/funds").as(ADMIN_TOKEN).body(body).send();
    }

    @Nested
    @DisplayName("when a city, a street under it and a community under that are opened then each has its own books")
    class Tree {
        @Test
        void tree() {
            String city = unique("CITY");
            String street = unique("ST");
            String community = unique("TXSQ");
            assertEquals(201, open(Map.of("code", city, "name", "市基金", "level", "CITY")).status());
            assertEquals(201, open(Map.of("code", street, "name", "街道基金", "level", "STREET", "parentCode", city)).status());
            ApiClient.Reply created = open(Map.of("code", community, "name", "天星社区基金", "level", "COMMUNITY",
                    "parentCode", street));
            assertEquals(201, created.status(), created::toString);
            assertEquals("/api/v1/funds/" + community, created.header("Location"));
            assertEquals(street, created.text("parentCode"));
            assertEquals("0.00", created.text("cash"));
            assertTrue(created.json().get("closedThrough").isNull());

            ApiClient.Reply accounts = api().get("/api/v1/ledger/funds/" + community + "/accounts").as(ADMIN_TOKEN).send();
            assertEquals(200, accounts.status(), accounts::toString);
            JsonNode bank = null;
            for (JsonNode a : accounts.json().get("items")) {
                if (a.get("code").asText().equals("1002")) {
                    bank = a;
                }
            }
            assertEquals("ASSET", bank.get("type").asText());
            assertEquals("0.00", bank.get("balance").asText());
            assertTrue(bank.get("mustNotGoNegative").asBoolean());

            ApiClient.Reply gift = api().post("/api/v1/ledger/transactions").as(userWith("ACCOUNTANT")).key(key())
                    .body(entry(community, "gift", List.of(debit("1002", "66.00"), credit("410101", "66.00")))).send();
            assertEquals(201, gift.status(), gift::toString);
            ApiClient.Reply cityAlone = api().get("/api/v1/ledger/funds/" + city + "/trial-balance").as(ADMIN_TOKEN).send();
            assertEquals("0.00", cityAlone.text("totalDebit"));
            ApiClient.Reply consolidated = api().get("/api/v1/ledger/funds/" + city + "/trial-balance?consolidated=true")
                    .as(ADMIN_TOKEN).send();
            assertEquals("66.00", consolidated.text("totalDebit"), "the city's consolidated books include the community");
            assertEquals("66.00", consolidated.text("totalCredit"));
            assertTrue(consolidated.json().get("consolidated").asBoolean());
            ApiClient.Reply all = api().get("/api/v1/ledger/trial-balance").as(ADMIN_TOKEN).send();
            assertEquals(200, all.status(), all::toString);
            assertEquals(all.text("totalDebit"), all.text("totalCredit"));

            ApiClient.Reply list = api().get("/api/v1/funds?limit=500").as(ADMIN_TOKEN).send();
            List<String> codes = new ArrayList<>();
            list.json().get("items").forEach(f -> codes.add(f.get("code").asText()));
            assertTrue(codes.containsAll(List.of(city, street, community)), list::toString);
            assertTrue(list.json().has("nextCursor"), "nextCursor is always present");
        }
    }

    @Nested
    @DisplayName("when a fund cannot be opened then the answer says why")
    class Refused {
        @Test
        @DisplayName("when the code is taken then 409")
        void duplicate() {
            String code = unique("DUP");
            assertEquals(201, open(Map.of("code", code, "name", "x", "level", "CITY")).status());
            ApiClient.Reply again = open(Map.of("code", code, "name", "y", "level", "CITY"));
            assertProblem(again, 409);
            assertEquals("fund-code-must-be-unique", problemType(again));
        }

        @Test
        @DisplayName("when the level does not fit under the parent, or the parent is unknown, then 422")
        void tree() {
            ApiClient.Reply community = open(Map.of("code", unique("C"), "name", "x", "level", "COMMUNITY"));
            assertProblem(community, 422);
            assertEquals("fund-level-must-fit-parent", problemType(community));
            ApiClient.Reply orphan = open(Map.of("code", unique("C"), "name", "x", "level", "STREET", "parentCode", "NOPE"));
            assertProblem(orphan, 422);
            assertEquals(List.of("parentCode"), errorFields(orphan));
        }

        @Test
        @DisplayName("when the level is unknown or the code unusable in a URL then 400 naming the field")
        void malformed() {
            ApiClient.Reply level = open(Map.of("code", unique("C"), "name", "x", "level", "PROVINCE"));
            assertProblem(level, 400);
            assertEquals(List.of("level"), errorFields(level));
            assertTrue(errorMessage(level, "level").contains("COMMUNITY"), level::toString);
            ApiClient.Reply code = open(Map.of("code", "a/b", "name", "x", "level", "CITY"));
            assertProblem(code, 400);
            assertEquals(List.of("code"), errorFields(code));
            ApiClient.Reply flag = api().post("/api/v1/funds").as(ADMIN_TOKEN)
                    .body("{\"code\":\"" + unique("C") + "\",\"name\":\"x\",\"level\":\"CITY\",\"mustNotGoNegative\":\"yes\"}").send();
            assertProblem(flag, 400);
            assertEquals(List.of("mustNotGoNegative"), errorFields(flag));
        }
    }
}
