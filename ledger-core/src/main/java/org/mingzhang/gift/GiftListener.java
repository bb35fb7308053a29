package org.mingzhang.gift;

import org.mingzhang.journal.Books;

/** What other deciders learn from the gift decider, in the same batch (matching recomputes on refunds). */
public interface GiftListener {

    void giftRecorded(Gift gift, Books books);

    /** The gift has just been refunded; what is booked here commits with the refund. */
    void giftRefunded(Gift gift, Books books);
}
