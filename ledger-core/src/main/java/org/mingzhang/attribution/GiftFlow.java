package org.mingzhang.attribution;

import java.util.List;

/**
 * Where one gift's money went, to the fen: what it put in (its amount and its share of the match), what was refunded,
 * each use in date order, and what is still unspent. Guarantees: {@code unspentFen = amountFen + matchShareFen − Σ uses
 * that are not LEFTOVER_MOVED} (money moved to another project reappears there and its later uses are further uses);
 * every use's parts sum to it; nothing is negative.
 *
 * @param refundedFen what was refunded of the gift in all; the part the project still held appears as a REFUND use, the
 *     rest had been spent already (those fen are in earlier uses) and the fund owes it to the donor
 * @param matchShareFen the gift's share of the match booked into its project
 * @param poolId, poolCode, poolName the matching pool the share came from, or null when the project was not matched
 */
public record GiftFlow(long giftId, long projectId, String projectCode, long amountFen, long refundedFen, long matchShareFen,
                       Long poolId, String poolCode, String poolName, List<Use> uses, long unspentFen) {

    public GiftFlow {
        uses = List.copyOf(uses);
    }
}
