package org.mingzhang.journal;

import java.time.Instant;
import java.util.List;

/**
 * Post a balanced set of lines to one fund, or to two funds linked through their due-to/due-from
 * accounts, each fund balancing on its own.
 *
 * @param occurredAt the event time; {@code null} means now
 */
public record PostEntry(String idempotencyKey, String recordedBy, TransactionKind kind, String fundCode, String memo,
                        Instant occurredAt, References references, List<PostingLine> lines)
        implements LedgerCommand<Transaction> {

    public PostEntry {
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireRecordedBy(recordedBy);
        LedgerLimits.requireMemo(memo);
        lines = List.copyOf(lines);
        if (lines.size() > LedgerLimits.POSTINGS_PER_TRANSACTION_MAX) {
            throw new IllegalArgumentException("a transaction has at most " + LedgerLimits.POSTINGS_PER_TRANSACTION_MAX
                    + " postings: " + lines.size());
        }
    }

    @Override
    public String requestHash() {
        Canonical c = new Canonical().add("PostEntry").add(kind.name()).add(fundCode).add(memo).add(occurredAt)
                .add(references.gift()).add(references.disbursement()).add(references.pool()).add(references.project()).add(lines.size());
        for (PostingLine line : lines) {
            c.add(line.fundCode()).add(line.accountCode()).add(line.debitFen()).add(line.creditFen());
        }
        return c.sha256();
    }
}
