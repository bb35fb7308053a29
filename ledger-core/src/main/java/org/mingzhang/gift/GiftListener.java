package org.mingzhang.gift;

import org.mingzhang.journal.Books;

/** What other deciders learn from the gift decider, in the same batch (matching recomputes on refunds). */
public interface GiftListener {

    void giftRecorded(Gift gift, Books books);

    /**
     * The gift has just been refunded, in whole or in part; what is booked here commits with the refund.
     *
     * @param before the gift as it stood before this refund
     * @param after the gift after it
     */
    void giftRefunded(Gift before, Gift after, Books books);
}
