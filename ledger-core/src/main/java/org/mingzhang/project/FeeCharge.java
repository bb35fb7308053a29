package org.mingzhang.project;

/**
 * A management fee charged to a project: {@code amountFen} booked by {@code transactionId} (Dr 5201 / Cr 1002, and the
 * restriction on that much of its money lifted), at {@code basisPoints} of the {@code baseFen} it had raised, after
 * {@code chargedBeforeFen} charged earlier.
 */
public record FeeCharge(Project project, int basisPoints, long baseFen, long chargedBeforeFen, long amountFen, long transactionId) {

    /** All the project's fees so far, this one included. */
    public long chargedTotalFen() {
        return chargedBeforeFen + amountFen;
    }
}
