package org.mingzhang.gift;

import org.mingzhang.journal.BatchRecord;

/** The record a refund, or a payment of what a refund owed, leaves for storage: the gift as it now is, and the step. */
public record GiftRefunded(Gift gift, GiftRefund refund) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
