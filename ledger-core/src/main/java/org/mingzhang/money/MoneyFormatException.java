package org.mingzhang.money;

/** An amount written in a way the ledger does not accept; the message quotes the value. */
public final class MoneyFormatException extends IllegalArgumentException {
    public MoneyFormatException(String message) {
        super(message);
    }
}
