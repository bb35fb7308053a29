package org.mingzhang.disclosure;

import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;

/**
 * How a donor is named where the public reads (notice boards, the public page): an anonymous donor is 爱心人士; a donor who
 * consented to be named is named; otherwise a person's name is masked as {@link Donor#masked} does (张*明) and an
 * enterprise or organisation is 某企业 or 某单位. Phone, ID and credit code numbers are never shown.
 */
public final class PublicNames {

    public static final String ANONYMOUS = "爱心人士";
    public static final String UNNAMED_ENTERPRISE = "某企业";
    public static final String UNNAMED_ORGANIZATION = "某单位";

    private PublicNames() {
    }

    public static String of(Donor donor) {
        if (donor.anonymous()) {
            return ANONYMOUS;
        }
        if (donor.publicNameConsent()) {
            return donor.name().strip();
        }
        return switch (donor.kind()) {
            case PERSON -> Donor.masked(donor.name().strip());
            case ENTERPRISE -> UNNAMED_ENTERPRISE;
            case ORGANIZATION -> UNNAMED_ORGANIZATION;
        };
    }

    /** The kind of donor in words, for a list: 个人, 企业, 单位. */
    public static String kind(DonorKind kind) {
        return switch (kind) {
            case PERSON -> "个人";
            case ENTERPRISE -> "企业";
            case ORGANIZATION -> "单位";
        };
    }
}
