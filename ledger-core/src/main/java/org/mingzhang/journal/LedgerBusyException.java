package org.mingzhang.journal;

/** The writer's queue is full: the caller should retry later (HTTP 503 with Retry-After). */
public final class LedgerBusyException extends RuntimeException {
    public LedgerBusyException(int capacity) {
        super("the ledger's write queue is full (" + capacity + " commands waiting); retry shortly");
    }
}
