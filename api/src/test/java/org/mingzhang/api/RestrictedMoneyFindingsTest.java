package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The findings of issue 9 (restricted money booked as the 民非 system requires), each tried over HTTP as the user who
 * found it did, with the figures of the finding. Each case failed on the code as it was.
 */
@MicronautTest
@DisplayName("Restricted money: the findings of the bookings review")
class RestrictedMoneyFindingsTest extends DonationTestBase {

    @Nested
    @DisplayName("finding 7: smaller points")
    class Smaller {

        @Test
        @DisplayName("when a match moves 600.00 from the pool's fund to the project's then its amount is 600.00 in each fund, "
                + "not 1,200.00")
        void crossFundAmountIsPerFund() {
            String fund = newFund();
            String pool = matchingPool();
            String project = raisingProject(fund, pool);
            for (String donorId : List.of("370102199001011111", "370102199001012222")) {
                Map<String, Object> gift = gift(fund, "1500.00");
                gift.put("projectCode", project);
                donor(gift).put("idNumber", donorId);
                assertEquals(201, post(accountant, key(), gift).status());
            }
            ApiClient.Reply closed = api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant)
                    .body(Map.of()).send();
            assertEquals(200, closed.status(), closed::toString);

            JsonNode match = transactions(fund).stream().filter(t -> t.path("kind").asText().equals("MATCH")).findFirst()
                    .orElseThrow();
            assertEquals("600.00", match.path("amount").asText(), match::toString);
            assertEquals(2, match.path("fundAmounts").size(), match::toString);
            match.path("fundAmounts").forEach(f -> assertEquals("600.00", f.path("amount").asText(), match::toString));
        }

        @Test
        @DisplayName("when a payment is approved then its reservation is listed as not booked, and the posted entries as booked")
        void pendingReservationIsMarkedNotBooked() {
            String fund = newFund();
            String project = raisingProject(fund);
            Map<String, Object> gift = gift(fund, "800.00");
            gift.put("projectCode", project);
            assertEquals(201, post(accountant, key(), gift).status());
            assertEquals(200, api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant).body(Map.of())
                    .send().status());
            ApiClient.Reply requested = api().post("/api/v1/projects/" + project + "/disbursements").as(accountant)
                    .body(Map.of("budgetItem", "路面硬化材料", "amount", "300.00", "payee", "某建材公司", "purpose", "水泥"))
                    .send();
            assertEquals(201, requested.status(), requested::toString);
            ApiClient.Reply approved = api().post("/api/v1/disbursements/" + requested.text("id") + "/approve").as(committee)
                    .body(Map.of()).send();
            assertEquals(200, approved.status(), approved::toString);

            List<JsonNode> all = transactions(fund);
            JsonNode reservation = all.stream().filter(t -> t.path("phase").asText().equals("PENDING")).findFirst().orElseThrow();
            assertFalse(reservation.path("booked").asBoolean(true), reservation::toString);
            assertTrue(all.stream().filter(t -> t.path("phase").asText().equals("POSTED"))
                    .allMatch(t -> t.path("booked").asBoolean(false)), all::toString);
        }

        @Test
        @DisplayName("when a county federation without street funds opens a community fund under its county fund then it is "
                + "created")
        void communityUnderCity() {
            String county = newFund();
            ApiClient.Reply community = api().post("/api/v1/funds").as(ADMIN_TOKEN)
                    .body(Map.of("code", unique("C"), "name", "阳谷县某社区基金", "level", "COMMUNITY", "parentCode", county)).send();
            assertEquals(201, community.status(), community::toString);
        }
    }

    List<JsonNode> transactions(String fundCode) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Reply page = api().get("/api/v1/ledger/transactions?fundCode=" + fundCode + "&limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)).as(auditor).send();
            assertEquals(200, page.status(), page::toString);
            page.json().path("items").forEach(items::add);
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);
        return items;
    }
}
