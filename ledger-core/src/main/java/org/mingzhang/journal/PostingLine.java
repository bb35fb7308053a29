package org.mingzhang.journal;

/**
 * One line of a journal entry as an accountant writes it: exactly one of {@code debitFen} and
 * {@code creditFen} is positive, the other zero.
 *
 * @param fundCode the fund of the account; {@code null} means the entry's own fund
 */
public record PostingLine(String fundCode, String accountCode, long debitFen, long creditFen) {

    public PostingLine {
        if ((debitFen > 0) == (creditFen > 0) || debitFen < 0 || creditFen < 0) {
            throw new IllegalArgumentException("a posting line has exactly one positive side: " + debitFen + "/" + creditFen);
        }
        LedgerLimits.requireAmount(Math.max(debitFen, creditFen));
    }

    public static PostingLine debit(String accountCode, long fen) {
        return new PostingLine(null, accountCode, fen, 0);
    }

    public static PostingLine credit(String accountCode, long fen) {
        return new PostingLine(null, accountCode, 0, fen);
    }

    public PostingLine inFund(String code) {
        return new PostingLine(code, accountCode, debitFen, creditFen);
    }
}
