package org.mingzhang.journal;

/**
 * One movement of money inside one fund: {@code amountFen} from the credited account to the debited one.
 * A transaction is a set of legs, so it balances within each fund by construction, and the database
 * checks the same shape (positive amount, two different accounts of the leg's fund).
 *
 * @param posted false for the leg of a pending transfer, which counts in pending totals only
 */
public record Leg(int legNo, long fundId, long debitAccountId, long creditAccountId, long amountFen, boolean posted) {

    public Leg {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("leg amount must be positive: " + amountFen);
        }
        if (debitAccountId == creditAccountId) {
            throw new IllegalArgumentException("leg must move between two accounts: " + debitAccountId);
        }
    }

    /** The same movement the other way round, as a reversal books it. */
    public Leg reversed(int newLegNo) {
        return new Leg(newLegNo, fundId, creditAccountId, debitAccountId, amountFen, true);
    }
}
