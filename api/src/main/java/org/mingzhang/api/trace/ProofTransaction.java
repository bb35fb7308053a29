package org.mingzhang.api.trace;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.TransactionFields;

/**
 * Exactly what a transaction's chain hash covers, in the order and form it is hashed ("mingzhang-tx-v1",
 * docs/reference/verifying-a-trace.md): times as epoch microseconds, kind and phase by name.
 */
@Schema(name = "ProofTransaction")
public record ProofTransaction(
        @Schema(example = "mingzhang-tx-v1") String format,
        long id,
        String idempotencyKey,
        @Nullable @Schema(nullable = true) String requestHash,
        long fundId,
        @Schema(example = "DONATION") String kind,
        @Schema(example = "POSTED") String phase,
        @Schema(example = "捐赠 gift F001-2026-000012") String memo,
        @Nullable @Schema(nullable = true) Long occurredAtMicros,
        @Nullable @Schema(nullable = true) Long recordedAtMicros,
        @Nullable @Schema(nullable = true) Long reversesId,
        @Nullable @Schema(nullable = true) Long pendingId,
        ProofReferences references,
        String recordedBy,
        String prevHash,
        List<ProofLeg> legs) {

    public static final String FORMAT = "mingzhang-tx-v1";

    /** The references a transaction carries (each null when absent). */
    @Schema(name = "ProofReferences")
    public record ProofReferences(@Nullable @Schema(nullable = true) String gift, @Nullable @Schema(nullable = true) String disbursement,
                                  @Nullable @Schema(nullable = true) String pool, @Nullable @Schema(nullable = true) String project) {
    }

    /** One leg: which accounts (by id), how many fen, posted or pending. */
    @Schema(name = "ProofLeg")
    public record ProofLeg(int legNo, long fundId, long debitAccountId, long creditAccountId, long amountFen, boolean posted) {
    }

    static ProofTransaction of(TransactionFields t) {
        return new ProofTransaction(FORMAT, t.id(), t.idempotencyKey(), t.requestHash(), t.fundId(), t.kind(), t.phase(), t.memo(),
                t.occurredAtMicros(), t.recordedAtMicros(), t.reversesId(), t.pendingId(),
                new ProofReferences(t.references().gift(), t.references().disbursement(), t.references().pool(), t.references().project()),
                t.recordedBy(), t.prevHash(), t.legs().stream().map(ProofTransaction::leg).toList());
    }

    private static ProofLeg leg(Leg l) {
        return new ProofLeg(l.legNo(), l.fundId(), l.debitAccountId(), l.creditAccountId(), l.amountFen(), l.posted());
    }
}
