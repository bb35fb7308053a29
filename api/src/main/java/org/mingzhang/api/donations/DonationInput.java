package org.mingzhang.api.donations;

import static org.mingzhang.api.donations.DonationField.AMOUNT;
import static org.mingzhang.api.donations.DonationField.CHANNEL;
import static org.mingzhang.api.donations.DonationField.DONOR;
import static org.mingzhang.api.donations.DonationField.DONOR_CREDIT_CODE;
import static org.mingzhang.api.donations.DonationField.DONOR_ID_NUMBER;
import static org.mingzhang.api.donations.DonationField.DONOR_KIND;
import static org.mingzhang.api.donations.DonationField.DONOR_NAME;
import static org.mingzhang.api.donations.DonationField.DONOR_PHONE;
import static org.mingzhang.api.donations.DonationField.FUND_CODE;
import static org.mingzhang.api.donations.DonationField.IN_KIND;
import static org.mingzhang.api.donations.DonationField.IN_KIND_DESCRIPTION;
import static org.mingzhang.api.donations.DonationField.IN_KIND_QUANTITY;
import static org.mingzhang.api.donations.DonationField.IN_KIND_VALUATION_BASIS;
import static org.mingzhang.api.donations.DonationField.NOTE;
import static org.mingzhang.api.donations.DonationField.PROJECT_CODE;
import static org.mingzhang.api.donations.DonationField.RECEIVED_AT;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.mingzhang.api.Limits;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Times;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.InKind;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.user.Actor;

/**
 * The rules a gift must meet before it reaches the ledger, shared by {@code POST /donations} and every row
 * of the CSV import. They check every invariant the core's constructors assert ({@link Donor},
 * {@link InKind}, {@link RecordGift}), so that what a client sends is answered with a 400 naming the
 * field and never reaches a constructor that would throw.
 */
final class DonationInput {

    private DonationInput() {
    }

    /**
     * The command, or null after recording in {@code input} every field that is wrong.
     *
     * @param csvForm name fields as the import's columns ({@code donorName}) instead of JSON paths ({@code donor.name})
     */
    static RecordGift read(DonationDraft d, String idempotencyKey, Actor by, boolean csvForm, Input input) {
        String fundCode = input.code(d.fundCode(), FUND_CODE.name(csvForm), Limits.FUND_CODE_CHARS_MAX);
        String projectCode = d.projectCode() == null ? null
                : input.code(d.projectCode(), PROJECT_CODE.name(csvForm), DonationLimits.PROJECT_CODE_CHARS_MAX);
        long amountFen = input.positiveAmount(d.amount(), AMOUNT.name(csvForm));
        Channel channel = oneOf(Channel.class, d.channel(), CHANNEL.name(csvForm), input);
        Donor donor = donor(d, csvForm, input);
        Instant receivedAt = receivedAt(d.receivedAt(), RECEIVED_AT.name(csvForm), input);
        String note = input.optionalText(d.note(), NOTE.name(csvForm), DonationLimits.NOTE_CHARS_MAX);
        InKind inKind = inKind(d, channel, csvForm, input);
        if (!input.valid()) {
            return null;
        }
        return new RecordGift(idempotencyKey, by, fundCode, projectCode, amountFen, channel, donor, inKind, receivedAt, note);
    }

    private static Donor donor(DonationDraft d, boolean csvForm, Input input) {
        if (!d.donorGiven()) {
            input.fail(DONOR.name(csvForm), "is required: who gave, with at least name and kind");
            return null;
        }
        String name = input.text(d.donorName(), DONOR_NAME.name(csvForm), DonationLimits.DONOR_FIELD_CHARS_MAX);
        DonorKind kind = oneOf(DonorKind.class, d.donorKind(), DONOR_KIND.name(csvForm), input);
        String phone = identifier(d.donorPhone(), DONOR_PHONE.name(csvForm), input);
        phone = phone == null ? null : DonorIdentifiers.phone(phone, DONOR_PHONE.name(csvForm), input);
        String idNumber = identifier(d.donorIdNumber(), DONOR_ID_NUMBER.name(csvForm), input);
        idNumber = idNumber == null ? null : DonorIdentifiers.residentId(idNumber, DONOR_ID_NUMBER.name(csvForm), input);
        String creditCode = identifier(d.donorCreditCode(), DONOR_CREDIT_CODE.name(csvForm), input);
        creditCode = creditCode == null ? null : DonorIdentifiers.creditCode(creditCode, DONOR_CREDIT_CODE.name(csvForm), input);
        if (creditCode != null && kind == DonorKind.PERSON) {
            input.fail(DONOR_CREDIT_CODE.name(csvForm), "only an ENTERPRISE or ORGANIZATION donor carries a credit code "
                    + "(统一社会信用代码); a person is told apart by idNumber or phone");
            return null;
        }
        if (name == null || kind == null || !input.valid()) {
            return null;
        }
        return new Donor(name, kind, phone, idNumber, creditCode, Boolean.TRUE.equals(d.anonymous()),
                Boolean.TRUE.equals(d.publicNameConsent()));
    }

    /** An optional identifier: absent, or 1 to {@link DonationLimits#DONOR_FIELD_CHARS_MAX} characters and not blank. */
    private static String identifier(String value, String field, Input input) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            input.fail(field, "must not be blank: leave it out when there is none");
            return null;
        }
        return input.optionalText(value, field, DonationLimits.DONOR_FIELD_CHARS_MAX);
    }

    /**
     * Required, with an offset, in a year of at most four digits, cut to the precision storage keeps: the
     * ledger checks a project's window against the same instant it books and reads back later.
     */
    private static Instant receivedAt(String text, String field, Input input) {
        if (text == null) {
            input.fail(field, "is required: when the money or goods arrived, like " + Times.EXAMPLE);
            return null;
        }
        Instant at = Times.parseTime(text, field, input);
        if (at == null) {
            return null;
        }
        return at.truncatedTo(Times.STORED_PRECISION);
    }

    private static InKind inKind(DonationDraft d, Channel channel, boolean csvForm, Input input) {
        if (channel == null) {
            return null;
        }
        if (channel != Channel.IN_KIND) {
            if (d.inKindGiven()) {
                String field = csvForm ? IN_KIND_DESCRIPTION.name(true) : IN_KIND.name(false);
                input.fail(field, "only a gift with channel IN_KIND describes goods; this one is " + channel);
            }
            return null;
        }
        if (!d.inKindGiven()) {
            if (csvForm) {
                for (DonationField f : new DonationField[] {IN_KIND_DESCRIPTION, IN_KIND_QUANTITY, IN_KIND_VALUATION_BASIS}) {
                    input.fail(f.name(true), "is required when channel is IN_KIND");
                }
            } else {
                input.fail(IN_KIND.name(false), "is required when channel is IN_KIND: "
                        + "{\"description\", \"quantity\", \"valuationBasis\"}; the amount is the goods' valuation");
            }
            return null;
        }
        String description = input.text(d.inKindDescription(), IN_KIND_DESCRIPTION.name(csvForm),
                DonationLimits.IN_KIND_FIELD_CHARS_MAX);
        String quantity = input.text(d.inKindQuantity(), IN_KIND_QUANTITY.name(csvForm), DonationLimits.IN_KIND_FIELD_CHARS_MAX);
        String basis = input.text(d.inKindValuationBasis(), IN_KIND_VALUATION_BASIS.name(csvForm),
                DonationLimits.IN_KIND_FIELD_CHARS_MAX);
        if (description == null || quantity == null || basis == null) {
            return null;
        }
        return new InKind(description, quantity, basis);
    }

    /** A required enum value written exactly as the API lists it. */
    static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field, Input input) {
        if (value == null) {
            input.fail(field, "is required: one of " + allowed(type));
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        input.fail(field, "must be one of " + allowed(type) + ": " + value);
        return null;
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
