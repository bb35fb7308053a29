package org.mingzhang.register;

import java.time.Instant;
import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/**
 * Write into a fund's memorandum register (备查簿) that {@code quantity} of the goods an IN entry received were handed
 * out to {@code recipient}: an OUT entry, booked nowhere. It may hand out at most what is left of that entry.
 * {@code occurredAt} is when they were handed out, or null for now.
 */
public record IssueUnvaluedGoods(String idempotencyKey, Actor by, String fundCode, long inEntryId, long quantity,
                                 String recipient, Instant occurredAt, String note) implements LedgerCommand<GoodsEntry> {

    public IssueUnvaluedGoods {
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireRecordedBy(by.recordedBy());
        LedgerLimits.requireCode(fundCode);
        // The entry's id is not asserted: an unknown one is simply an entry that does not exist.
        GoodsEntry.requireQuantity(quantity);
        GoodsEntry.requireText(recipient, "recipient", GoodsEntry.COUNTERPARTY_LENGTH_MAX);
        GoodsEntry.requireNote(note);
    }

    @Override
    public String requestHash() {
        return new Canonical().add("IssueUnvaluedGoods").add(fundCode).add(inEntryId).add(quantity).add(recipient)
                .add(occurredAt).add(note).sha256();
    }
}
