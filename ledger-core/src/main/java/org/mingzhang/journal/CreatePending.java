package org.mingzhang.journal;

import java.time.Instant;

/**
 * Reserve money: a pending transfer between two accounts of one fund. It lowers the available balance
 * of the account it will take from, and moves no posted balance until it is posted.
 */
public record CreatePending(String idempotencyKey, String recordedBy, TransactionKind kind, String fundCode,
                            String debitAccountCode, String creditAccountCode, long amountFen, String memo,
                            Instant occurredAt, References references) implements LedgerCommand<Transaction> {

    public CreatePending {
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireRecordedBy(recordedBy);
        LedgerLimits.requireMemo(memo);
        LedgerLimits.requireAmount(amountFen);
    }

    @Override
    public String requestHash() {
        return new Canonical().add("CreatePending").add(kind.name()).add(fundCode).add(debitAccountCode)
                .add(creditAccountCode).add(amountFen).add(memo).add(occurredAt).add(references.gift())
                .add(references.disbursement()).add(references.pool()).add(references.project()).sha256();
    }
}
