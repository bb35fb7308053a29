package org.mingzhang.attribution;

import java.time.Instant;
import java.util.List;

/**
 * One outflow of a project's money, the journal transaction that lowered what the project holds, with its attribution:
 * one part per gift and part of it, the parts summing to {@code amountFen} exactly.
 *
 * @param disbursementId the disbursement paid, for a {@link OutflowKind#PAYMENT}; else null
 * @param toProjectId the project the money went to, for {@link OutflowKind#LEFTOVER_MOVED}; else null
 */
public record Outflow(long transactionId, long projectId, OutflowKind kind, Long disbursementId, Long toProjectId,
                      Instant occurredAt, long amountFen, int methodVersion, List<Share> shares) {

    /** The method that made the attribution; stored with each row, so that a later method can be told apart. */
    public static final int METHOD_VERSION = 1;

    public Outflow {
        shares = List.copyOf(shares);
        long sum = 0;
        for (Share s : shares) {
            if (s.amountFen() <= 0) {
                throw new IllegalStateException("an attribution part must be positive: " + s + " of transaction " + transactionId);
            }
            sum = Math.addExact(sum, s.amountFen());
        }
        if (sum != amountFen || amountFen <= 0) {
            throw new IllegalStateException("the attribution of transaction " + transactionId + " sums to " + sum
                    + " fen, not the outflow's " + amountFen);
        }
    }

    /** One part of the outflow: {@code amountFen} of one gift's own money or match share. */
    public record Share(long giftId, Part part, long amountFen) {
    }

    public long fromPartFen(Part part) {
        return shares.stream().filter(s -> s.part() == part).mapToLong(Share::amountFen).sum();
    }
}
