package org.mingzhang.api.edge;

import org.mingzhang.api.Limits;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.journal.LedgerLimits;

/**
 * The {@code Idempotency-Key} header that every request moving money must carry. The ledger keeps
 * the key with the transaction it produced, so a retry after a lost answer returns that transaction
 * instead of booking the money twice.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String MISSING = "the Idempotency-Key header is required for requests that move money: "
            + "send a unique value (a UUID) and repeat it when you retry";
    public static final String DESCRIPTION = "A unique value per intended operation (a UUID), at most "
            + Limits.IDEMPOTENCY_KEY_CHARS_MAX + " characters. A repeat with the same key and body returns the "
            + "original answer; the same key with another body is a 409.";

    private IdempotencyKeys() {
    }

    /** The key as given, or a 400 when it is blank, too long, holds control characters or is reserved. */
    public static String require(String key) {
        if (key == null || key.isBlank()) {
            throw Problems.invalid(HEADER, MISSING);
        }
        String problem = problem(key);
        if (problem != null) {
            throw Problems.invalid(HEADER, problem);
        }
        return key;
    }

    /** What is wrong with a given key, or null: the one rule for the header and for a CSV's key column. */
    public static String problem(String key) {
        if (key.length() > Limits.IDEMPOTENCY_KEY_CHARS_MAX) {
            return "must have at most " + Limits.IDEMPOTENCY_KEY_CHARS_MAX + " characters (idempotencyKeyCharsMax): it has "
                    + key.length();
        }
        if (key.chars().anyMatch(Character::isISOControl)) {
            return "must not contain control characters";
        }
        if (key.startsWith(LedgerLimits.INTERNAL_KEY_PREFIX)) {
            return "must not start with '" + LedgerLimits.INTERNAL_KEY_PREFIX + "': such keys name the ledger's own transactions";
        }
        return null;
    }
}
