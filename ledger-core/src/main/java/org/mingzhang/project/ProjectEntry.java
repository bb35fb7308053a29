package org.mingzhang.project;

import java.time.Instant;
import java.util.List;
import org.mingzhang.journal.Phase;
import org.mingzhang.journal.TransactionKind;

/**
 * A journal transaction that names a project, as the project's figures read it: its kind and phase, and
 * its legs with account codes instead of ids.
 */
public record ProjectEntry(long transactionId, String projectCode, TransactionKind kind, Phase phase, Long pendingId,
                           String disbursementRef, Instant occurredAt, List<Leg> legs) {

    public ProjectEntry {
        legs = List.copyOf(legs);
    }

    /** One leg: {@code amountFen} from the credit account to the debit account of one fund. */
    public record Leg(long fundId, String debitCode, String creditCode, long amountFen, boolean posted) {
    }
}
