package org.mingzhang.journal;

import java.time.Instant;
import java.util.Locale;

/**
 * A request key as storage keeps it, with the record its request made or changed. The writer adds it to the batch
 * that writes the record, so storage holds both or neither; it is never changed afterwards.
 *
 * @param recordKind a {@link RecordKind#name()}
 * @param recordId   that record's id or code
 */
public record KeptRequest(RequestKey key, String recordKind, String recordId, Instant createdAt) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

    public KeptRequest {
        if (key == null || recordKind == null || recordId == null || createdAt == null) {
            throw new IllegalArgumentException("a kept request key names its key, its record and when it was kept");
        }
    }

    /** Whether a request with this key repeats the one kept: the same request, for the same kind of record. */
    public boolean repeatedBy(RequestKey repeat, String kind) {
        return key.requestHash().equals(repeat.requestHash()) && recordKind.equals(kind);
    }

    /** The refusal of a request that reuses this key for something else: a 409 naming the header, writing nothing. */
    public <T> Outcome.Rejected<T> refusal() {
        return new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key " + key.idempotencyKey()
                + " was already used for a different request (" + recordKind.toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                + recordId + ")", "Idempotency-Key");
    }
}
