package org.mingzhang.api.donations;

/**
 * A gift as a client wrote it, before any check: the JSON body of {@code POST /donations} and one row of
 * the CSV import both become one of these, and {@link DonationInput} checks it the same way.
 *
 * @param donorGiven whether the JSON body had a donor object (a CSV row always has the donor columns)
 * @param inKindGiven whether the gift describes goods: an {@code inKind} object, or any in-kind cell filled
 */
record DonationDraft(String fundCode, String projectCode, String amount, String channel, boolean donorGiven,
                     String donorName, String donorKind, String donorPhone, String donorIdNumber, String donorCreditCode,
                     Boolean anonymous, Boolean publicNameConsent, String receivedAt, String note, boolean inKindGiven,
                     String inKindDescription, String inKindQuantity, String inKindValuationBasis) {

    static DonationDraft of(DonationRequest r) {
        DonorRequest d = r.donor();
        InKindRequest k = r.inKind();
        return new DonationDraft(r.fundCode(), r.projectCode(), r.amount(), r.channel(), d != null,
                d == null ? null : d.name(), d == null ? null : d.kind(), d == null ? null : d.phone(),
                d == null ? null : d.idNumber(), d == null ? null : d.creditCode(),
                d == null ? null : d.anonymous(), d == null ? null : d.publicNameConsent(),
                r.receivedAt(), r.note(), k != null,
                k == null ? null : k.description(), k == null ? null : k.quantity(), k == null ? null : k.valuationBasis());
    }
}
