package org.mingzhang.register;

import java.time.Instant;
import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/**
 * Write goods received as a gift whose value cannot be measured reliably into a fund's memorandum register (备查簿):
 * an IN entry, booked nowhere. {@code projectCode} names the project they were given for, or is null;
 * {@code occurredAt} is when they arrived, or null for now.
 */
public record RecordUnvaluedGoods(String idempotencyKey, Actor by, String fundCode, String projectCode, String description,
                                  long quantity, String unit, String donor, String whyNotValued, Instant occurredAt,
                                  String note) implements LedgerCommand<GoodsEntry> {

    public RecordUnvaluedGoods {
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireRecordedBy(by.recordedBy());
        LedgerLimits.requireCode(fundCode);
        if (projectCode != null) {
            LedgerLimits.requireCode(projectCode);
        }
        GoodsEntry.requireText(description, "description", GoodsEntry.DESCRIPTION_LENGTH_MAX);
        GoodsEntry.requireQuantity(quantity);
        GoodsEntry.requireText(unit, "unit", GoodsEntry.UNIT_LENGTH_MAX);
        GoodsEntry.requireText(donor, "donor", GoodsEntry.COUNTERPARTY_LENGTH_MAX);
        GoodsEntry.requireText(whyNotValued, "whyNotValued", GoodsEntry.WHY_NOT_VALUED_LENGTH_MAX);
        GoodsEntry.requireNote(note);
    }

    @Override
    public String requestHash() {
        return new Canonical().add("RecordUnvaluedGoods").add(fundCode).add(projectCode).add(description).add(quantity)
                .add(unit).add(donor).add(whyNotValued).add(occurredAt).add(note).sha256();
    }
}
