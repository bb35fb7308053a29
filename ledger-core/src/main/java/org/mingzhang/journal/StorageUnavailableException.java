package org.mingzhang.journal;

/**
 * The database could not be reached: the connection was refused, lost or timed out. A write that fails this
 * way may or may not have committed (a commit whose answer was lost); the caller should retry later with the
 * same idempotency key, which replays it if it did (HTTP 503 with Retry-After). The writer reconnects by itself.
 */
public final class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
