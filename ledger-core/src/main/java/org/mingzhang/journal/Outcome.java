package org.mingzhang.journal;

/**
 * What the ledger answered to a command: accepted with its result, or refused with a reason.
 *
 * @param <T> the result of an accepted command
 */
public sealed interface Outcome<T> {

    /** @param replayed true when an earlier command with the same idempotency key and content produced the value */
    record Accepted<T>(T value, boolean replayed) implements Outcome<T> {
    }

    /** @param field the request field the refusal is about, when there is one ({@code postings[1].accountCode}) */
    record Rejected<T>(Rejection rejection, String detail, String field) implements Outcome<T> {
    }

    default boolean accepted() {
        return this instanceof Accepted<T>;
    }

    /** The accepted value; throws if the command was refused (for callers that have ruled that out). */
    default T value() {
        if (this instanceof Accepted<T> a) {
            return a.value();
        }
        Rejected<T> r = (Rejected<T>) this;
        throw new IllegalStateException("command was refused: " + r.rejection() + ": " + r.detail());
    }
}
