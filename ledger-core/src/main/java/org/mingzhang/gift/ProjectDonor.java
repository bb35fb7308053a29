package org.mingzhang.gift;

/** A donor of a project, by the donor key that matching and the donor count use ({@link Donor#key()}). */
public record ProjectDonor(long projectId, String donorKey) {
}
