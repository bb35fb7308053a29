package org.mingzhang.journal;

import java.time.Instant;
import java.util.List;

/**
 * Exactly what a transaction's chain hash covers, as plain values: its kind and phase by name and its times as epoch
 * microseconds, the form in which the public trace shows a transaction ("mingzhang-tx-v1"). A transaction read from the
 * journal and one read back from a donor's saved JSON are hashed by the same {@link ChainHash#of(TransactionFields)}, so
 * an offline verifier recomputes the journal's hash without a second copy of the encoding. Kind and phase stay names
 * (not enums) so that a proof naming a kind this build does not know still hashes as written.
 *
 * @param occurredAtMicros the event time in epoch microseconds, as {@link Canonical} writes an instant
 * @param recordedAtMicros when the ledger wrote it, in epoch microseconds
 */
public record TransactionFields(long id, String idempotencyKey, String requestHash, long fundId, String kind, String phase,
                                String memo, Long occurredAtMicros, Long recordedAtMicros, Long reversesId, Long pendingId,
                                References references, String recordedBy, String prevHash, List<Leg> legs) {

    public TransactionFields {
        if (kind == null || phase == null || references == null || legs == null) {
            throw new IllegalArgumentException("a transaction names its kind, phase, references and legs");
        }
        legs = List.copyOf(legs);
    }

    /** The hashed fields of a recorded transaction. */
    public static TransactionFields of(Transaction t) {
        return new TransactionFields(t.id(), t.idempotencyKey(), t.requestHash(), t.fundId(), t.kind().name(), t.phase().name(),
                t.memo(), micros(t.occurredAt()), micros(t.recordedAt()), t.reversesId(), t.pendingId(),
                t.references(), t.recordedBy(), t.prevHash(), t.legs());
    }

    private static Long micros(Instant at) {
        return at == null ? null : Canonical.micros(at);
    }
}
