package org.mingzhang.gift;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port that reads gifts from committed storage. */
public interface GiftStore {

    Optional<Gift> gift(long id);

    Optional<Gift> giftByIdempotencyKey(String key);

    /** The gift a donor traces with the code on their receipt ({@link TraceCodes}), by its unique index. */
    Optional<Gift> giftByTraceCode(String traceCode);

    /** Gifts in id order after {@code afterId}; each filter may be null. {@code donor} matches part of the name. */
    List<Gift> gifts(Long fundId, Long projectId, String donor, long afterId, int limit);

    /**
     * The fund's gifts received within [{@code from}, {@code to}] (both included), ordered by the time received and then
     * id, at most {@code limit} of them. For disclosures of a period: the index on (fund, received time) answers it
     * without a pass over the fund's gifts; the caller bounds {@code limit}.
     */
    List<Gift> giftsReceived(long fundId, Instant from, Instant to, int limit);

    long lastGiftId();

    /** The refund or payment of what a refund owed that was made with this idempotency key. */
    Optional<GiftRefund> refundByIdempotencyKey(String key);

    /** A gift's refunds and payments of what they owed, in the order they were made. */
    List<GiftRefund> refunds(long giftId);

    /** "fundId:year" → the last receipt sequence number issued, so that numbering continues without gaps. */
    Map<String, Integer> lastReceiptSeqs();
}
