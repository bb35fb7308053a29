package org.mingzhang.journal;

import org.mingzhang.money.Money;

/**
 * The bounds on everything a command can make grow. The API checks them first and answers 400; the core
 * asserts them again, so a caller that skipped the edge fails loudly instead of writing something odd.
 */
public final class LedgerLimits {

    public static final int POSTINGS_PER_TRANSACTION_MAX = 200;
    public static final int MEMO_LENGTH_MAX = 500;
    /** A reversal's memo is its reason behind a short prefix, so the reason leaves room for it. */
    public static final int REASON_LENGTH_MAX = 400;
    public static final int IDEMPOTENCY_KEY_LENGTH_MAX = 200;
    /** Keys of the ledger's own transactions (a settled match, say) start so; clients' keys may not. */
    public static final String INTERNAL_KEY_PREFIX = "mz:";
    public static final int CODE_LENGTH_MAX = 32;
    public static final int NAME_LENGTH_MAX = 200;
    public static final int RECORDED_BY_LENGTH_MAX = 100;
    /** How far ahead of the ledger's clock an event time may lie (clients' clocks drift). */
    public static final java.time.Duration CLOCK_SKEW_MAX = java.time.Duration.ofMinutes(5);
    /** One line moves at most this much, so a transaction's totals cannot overflow a long. */
    public static final long LINE_AMOUNT_FEN_MAX = Money.FEN_MAX;
    /**
     * What the books hold in all, at most: the sum over every account of its posted and pending debits (equally, of its
     * credits), 10^18 fen. Every total any report adds up (a fund's cash, the trial balance of all funds, a project's
     * raised money) is a part of it, and twice it still fits a {@code long}, so no sum of totals can overflow; a posting
     * that would pass it is refused ({@link Rejection#BOOKS_TOTAL_MUST_NOT_EXCEED_MAX}).
     */
    public static final long BOOKED_FEN_MAX = 1_000_000_000_000_000_000L;

    private LedgerLimits() {
    }

    public static String requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > IDEMPOTENCY_KEY_LENGTH_MAX) {
            throw new IllegalArgumentException("idempotency key must have 1 to " + IDEMPOTENCY_KEY_LENGTH_MAX + " characters: " + key);
        }
        return key;
    }

    public static String requireRecordedBy(String recordedBy) {
        if (recordedBy == null || recordedBy.isEmpty() || recordedBy.length() > RECORDED_BY_LENGTH_MAX) {
            throw new IllegalArgumentException("recordedBy must have 1 to " + RECORDED_BY_LENGTH_MAX + " characters: " + recordedBy);
        }
        return recordedBy;
    }

    public static String requireMemo(String memo) {
        if (memo == null || memo.length() > MEMO_LENGTH_MAX) {
            throw new IllegalArgumentException("memo must have at most " + MEMO_LENGTH_MAX + " characters");
        }
        return memo;
    }

    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
            throw new IllegalArgumentException("reason must have 1 to " + REASON_LENGTH_MAX + " characters");
        }
        return reason;
    }

    public static String requireCode(String code) {
        if (code == null || code.isBlank() || code.length() > CODE_LENGTH_MAX) {
            throw new IllegalArgumentException("code must have 1 to " + CODE_LENGTH_MAX + " characters: " + code);
        }
        return code;
    }

    public static long requireAmount(long fen) {
        if (fen <= 0 || fen > LINE_AMOUNT_FEN_MAX) {
            throw new IllegalArgumentException("amount must be between 1 fen and " + Money.format(LINE_AMOUNT_FEN_MAX) + ": " + fen);
        }
        return fen;
    }
}
