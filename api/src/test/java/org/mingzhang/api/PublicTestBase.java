package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mingzhang.api.donations.DonorIdentifiers;

/**
 * The public side's scenario, booked through the staff API as an accountant and a committee would: a fund, a matching
 * pool, a project that raised from four donors (one who consented to be named, one anonymous, one enterprise, one
 * person who did not consent), an unrestricted gift to the fund, the match settled, a payment to a person, and the
 * plan and a disclosure issued. Every donor carries a phone and an ID or credit code, the gifts carry an address in
 * their note, and the payment names its payee and a bank account: the values in {@link #SECRETS} must never appear in
 * a public answer or page.
 */
abstract class PublicTestBase extends DonationTestBase {

    static final String PAYEE = "孙大伟";
    static final String BANK_ACCOUNT = "6222021234567890123";
    static final String ADDRESS = "沂泉县城西街道幸福路88号3单元";
    static final String ENTERPRISE = "沂泉县鑫达建材有限公司";
    static final String PURPOSE = "采购水泥沙石";
    static final String ITEM = "路面硬化材料";

    /** A resident ID whose check character is X, so that a scan can look for it in lower case too. */
    static final String ID_WITH_X = idEndingInX();
    static final String ID_OTHER = residentId("37010219900101123");
    static final String CREDIT_CODE = creditCode("91370100MA3C0000Q");

    /** A donor: name, kind, phone, ID or credit code, anonymous, consent. */
    record Donor(String name, String kind, String phone, String id, boolean anonymous, boolean consent) {
    }

    static final Donor NOT_CONSENTING = new Donor("王秀英", "PERSON", "13912345678", ID_WITH_X, false, false);
    static final Donor CONSENTING = new Donor("李建国", "PERSON", "15800001111", ID_OTHER, false, true);
    static final Donor ANONYMOUS = new Donor("赵丽华", "PERSON", "18611112222", null, true, false);
    static final Donor COMPANY = new Donor(ENTERPRISE, "ENTERPRISE", "13588889999", null, false, false);
    static final Donor UNRESTRICTED = new Donor("陈美玲", "PERSON", "13700001234", null, false, false);

    /**
     * What must never leave the staff API, each in the forms it could take on a page: names of donors who did not
     * consent, every phone (plain, E.164 and spaced as people write it), every ID and credit code (the X in either case),
     * the address, the payee and the bank account.
     */
    static final List<String> SECRETS = secrets();

    /** What the scenario booked: codes, the gifts' trace codes and receipts, the payment and the documents. */
    record Seeded(String fund, String pool, String project, Map<String, String> traceCodes, String unrestrictedTrace,
                  long disbursementId, String planNumber, String disclosureNumber) {
    }

    Seeded seed() {
        String fund = newFund();
        String pool = matchingPool();
        String project = raisingProject(fund, pool);
        Map<String, String> traces = new LinkedHashMap<>();
        traces.put("1500.00", give(fund, project, "1500.00", NOT_CONSENTING));
        traces.put("800.00", give(fund, project, "800.00", CONSENTING));
        traces.put("300.00", give(fund, project, "300.00", ANONYMOUS));
        traces.put("2000.00", give(fund, project, "2000.00", COMPANY));
        String unrestricted = give(fund, null, "500.00", UNRESTRICTED);
        ok(api().post("/api/v1/projects/" + project + "/close-fundraising").as(accountant).send(), 200);

        long id = ok(api().post("/api/v1/projects/" + project + "/disbursements").as(accountant).body(Map.of("budgetItem", ITEM,
                "amount", "1200.00", "payee", PAYEE, "purpose", PURPOSE, "invoiceNo", BANK_ACCOUNT)).send(), 201).get("id").asLong();
        ok(api().post("/api/v1/disbursements/" + id + "/approve").as(committee).send(), 200);
        ok(api().post("/api/v1/disbursements/" + id + "/pay").as(accountant).key(key()).send(), 200);

        ApiClient.Reply plan = api().get("/api/v1/projects/" + project + "/plan.pdf").as(committee).send();
        assertEquals(200, plan.status(), plan::toString);
        String today = LocalDate.now(ZoneOffset.ofHours(8)).toString();
        ApiClient.Reply disclosure = api().get("/api/v1/funds/" + fund + "/disclosure.pdf?from=" + today + "&to=" + today)
                .as(committee).send();
        assertEquals(200, disclosure.status(), disclosure::toString);
        return new Seeded(fund, pool, project, traces, unrestricted, id, plan.header("Mingzhang-Document"),
                disclosure.header("Mingzhang-Document"));
    }

    /** A gift from this donor (to the project, or to the fund when null), with the address in its note; its trace code. */
    String give(String fund, String project, String amount, Donor who) {
        Map<String, Object> gift = gift(fund, amount);
        if (project != null) {
            gift.put("projectCode", project);
        }
        gift.put("note", "住址：" + ADDRESS);
        Map<String, Object> donor = new LinkedHashMap<>();
        donor.put("name", who.name());
        donor.put("kind", who.kind());
        donor.put("phone", who.phone());
        if (who.kind().equals("PERSON")) {
            if (who.id() != null) {
                donor.put("idNumber", who.id());
            }
        } else {
            donor.put("creditCode", CREDIT_CODE);
        }
        donor.put("anonymous", who.anonymous());
        donor.put("publicNameConsent", who.consent());
        gift.put("donor", donor);
        JsonNode created = ok(api().post(DONATIONS).as(accountant).key(key()).body(gift).send(), 201);
        return created.get("traceCode").asText();
    }

    static JsonNode ok(ApiClient.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        return reply.json();
    }

    private static String idEndingInX() {
        for (int n = 0; ; n++) {
            String first17 = "3701021985031" + String.format("%04d", n);
            if (DonorIdentifiers.residentIdCheck(first17) == 'X') {
                return first17 + "X";
            }
        }
    }

    private static List<String> secrets() {
        List<String> s = new ArrayList<>(List.of(NOT_CONSENTING.name(), ANONYMOUS.name(), ENTERPRISE, "鑫达建材",
                UNRESTRICTED.name(), PAYEE, BANK_ACCOUNT, ADDRESS, "幸福路88号", CREDIT_CODE));
        for (Donor d : List.of(NOT_CONSENTING, CONSENTING, ANONYMOUS, COMPANY, UNRESTRICTED)) {
            String p = d.phone();
            s.add(p);
            s.add(p.substring(1));
            if (p.length() == 11 && p.startsWith("1")) {
                s.add("+86" + p);
                s.add(p.substring(0, 3) + " " + p.substring(3, 7) + " " + p.substring(7));
                s.add(p.substring(0, 3) + "-" + p.substring(3, 7) + "-" + p.substring(7));
            }
        }
        for (String id : List.of(ID_WITH_X, ID_OTHER)) {
            s.add(id);
            s.add(id.toLowerCase());
            s.add(id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14));
        }
        return List.copyOf(s);
    }
}
