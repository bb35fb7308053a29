package org.mingzhang.matching;

/** A rate written in a way the ledger does not accept; the message quotes the value. */
public final class RateFormatException extends IllegalArgumentException {
    public RateFormatException(String message) {
        super(message);
    }
}
