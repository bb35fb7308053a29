package org.mingzhang.gift;

import java.time.Instant;
import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/**
 * Record a gift into a fund, restricted to one of its projects when {@code projectCode} is given.
 * The amount of a gift in kind is its valuation.
 */
public record RecordGift(String idempotencyKey, Actor by, String fundCode, String projectCode, long amountFen,
                         Channel channel, Donor donor, InKind inKind, Instant receivedAt, String note)
        implements LedgerCommand<Gift>, RecordsGift {

    @Override
    public RecordGift recordGift() {
        return this;
    }

    public static final int NOTE_LENGTH_MAX = 500;

    public RecordGift {
        // Storage keeps microseconds: the window check must see the instant that will be booked.
        receivedAt = receivedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireCode(fundCode);
        if (projectCode != null) {
            LedgerLimits.requireCode(projectCode);
        }
        LedgerLimits.requireAmount(amountFen);
        if ((channel == Channel.IN_KIND) != (inKind != null)) {
            throw new IllegalArgumentException("a gift in kind, and only one, describes the goods");
        }
        if (note != null && note.length() > NOTE_LENGTH_MAX) {
            throw new IllegalArgumentException("note must have at most " + NOTE_LENGTH_MAX + " characters");
        }
    }

    @Override
    public String requestHash() {
        Canonical c = new Canonical().add("RecordGift").add(fundCode).add(projectCode).add(amountFen).add(channel.name())
                .add(donor.name()).add(donor.kind().name()).add(donor.phone()).add(donor.idNumber()).add(donor.creditCode())
                .add(donor.anonymous()).add(donor.publicNameConsent()).add(receivedAt).add(note);
        if (inKind != null) {
            c.add(inKind.description()).add(inKind.quantity()).add(inKind.valuationBasis());
        }
        return c.sha256();
    }
}
