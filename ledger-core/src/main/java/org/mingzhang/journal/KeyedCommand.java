package org.mingzhang.journal;

/**
 * A command sent with the caller's request key. The writer decides it once per key: a repeat with the same request
 * answers the record the first one made, as it now stands ({@link Outcome.Accepted#replayed()} true), and writes
 * nothing; the same key with another request is refused ({@link Rejection#IDEMPOTENCY_KEY_MUST_MATCH_CONTENT}) and
 * writes nothing. When the command is accepted, the key is kept with its record in the same batch. A refused command
 * keeps no key, so the caller may send the corrected request with the same key.
 *
 * @param kind how the record the command answers is named and found again
 * @param <T>  what the command answers
 */
public record KeyedCommand<T>(RequestKey key, RecordKind<T> kind, LedgerCommand<T> command) implements LedgerCommand<T> {

    public KeyedCommand {
        if (key == null || kind == null || command == null) {
            throw new IllegalArgumentException("a keyed command has a key, a record kind and a command");
        }
        if (command instanceof KeyedCommand<?>) {
            throw new IllegalArgumentException("a command is keyed once");
        }
    }

    /** The journal key of the command inside, if it books under one: the writer reads it ahead like any other. */
    @Override
    public String idempotencyKey() {
        return command.idempotencyKey();
    }

    @Override
    public String requestHash() {
        return command.requestHash();
    }
}
