package org.mingzhang.matching;

import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RecordsGift;
import org.mingzhang.journal.LedgerCommand;

/**
 * Records a gift, as {@link RecordGift} does, and answers it with its project's match as the writer has it right after
 * the gift, in the same batch: what a donation's answer shows, without reading anything back on the request's thread.
 */
public record RecordGiftWithMatch(RecordGift recordGift) implements LedgerCommand<MatchedGift>, RecordsGift {

    @Override
    public String idempotencyKey() {
        return recordGift.idempotencyKey();
    }

    @Override
    public String requestHash() {
        return recordGift.requestHash();
    }
}
