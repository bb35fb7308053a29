package org.mingzhang.api.edge;

import org.mingzhang.api.Limits;
import org.mingzhang.api.problem.Problems;

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

    /** The key as given, or a 400 when it is blank, too long or holds control characters. */
    public static String require(String key) {
        if (key == null || key.isBlank()) {
            throw Problems.invalid(HEADER, MISSING);
        }
        if (key.length() > Limits.IDEMPOTENCY_KEY_CHARS_MAX) {
            throw Problems.invalid(HEADER, "must have at most " + Limits.IDEMPOTENCY_KEY_CHARS_MAX
                    + " characters (idempotencyKeyCharsMax): it has " + key.length());
        }
        if (key.chars().anyMatch(Character::isISOControl)) {
            throw Problems.invalid(HEADER, "must not contain control characters");
        }
        return key;
    }
}
