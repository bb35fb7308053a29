package org.mingzhang.api.donations;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Each field of a gift as a client names it: in the JSON body of {@code POST /donations}
 * ({@code donor.name}) and as a column of the CSV import ({@code donorName}). One set of rules checks
 * both, so a row of the import is refused for exactly what the same gift sent as JSON would be.
 */
enum DonationField {
    IDEMPOTENCY_KEY("Idempotency-Key", "idempotencyKey"),
    FUND_CODE("fundCode", "fundCode"),
    PROJECT_CODE("projectCode", "projectCode"),
    AMOUNT("amount", "amount"),
    CHANNEL("channel", "channel"),
    DONOR("donor", null),
    DONOR_NAME("donor.name", "donorName"),
    DONOR_KIND("donor.kind", "donorKind"),
    DONOR_PHONE("donor.phone", "donorPhone"),
    DONOR_ID_NUMBER("donor.idNumber", "donorIdNumber"),
    DONOR_CREDIT_CODE("donor.creditCode", "donorCreditCode"),
    DONOR_ANONYMOUS("donor.anonymous", "anonymous"),
    DONOR_PUBLIC_NAME_CONSENT("donor.publicNameConsent", "publicNameConsent"),
    RECEIVED_AT("receivedAt", "receivedAt"),
    NOTE("note", "note"),
    IN_KIND("inKind", null),
    IN_KIND_DESCRIPTION("inKind.description", "inKindDescription"),
    IN_KIND_QUANTITY("inKind.quantity", "inKindQuantity"),
    IN_KIND_VALUATION_BASIS("inKind.valuationBasis", "inKindValuationBasis");

    /** The import's header, in the order API.md lists the columns. */
    static final List<String> CSV_COLUMNS = Arrays.stream(values()).map(f -> f.csv).filter(Objects::nonNull).toList();

    private final String json;
    private final String csv;

    DonationField(String json, String csv) {
        this.json = json;
        this.csv = csv;
    }

    /** The name in the given form; a JSON-only group ({@code donor}, {@code inKind}) has no column of its own. */
    String name(boolean csvForm) {
        return csvForm ? csv : json;
    }

    String csv() {
        return csv;
    }

    /**
     * The field a rejection from the ledger names (it uses the JSON body's names and the header's), as this
     * form names it.
     */
    static String fromLedger(String ledgerField, boolean csvForm) {
        if (ledgerField == null) {
            return null;
        }
        for (DonationField f : values()) {
            if (ledgerField.equals(f.json)) {
                return f.name(csvForm) == null ? ledgerField : f.name(csvForm);
            }
        }
        return ledgerField;
    }
}
