package org.mingzhang.api.ledger;

import jakarta.inject.Singleton;
import java.util.List;
import org.mingzhang.api.edge.Times;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Posting;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Transaction;
import org.mingzhang.money.Money;

/** Writes journal transactions as clients read them: codes instead of ids, yuan strings, China Standard Time. */
@Singleton
public final class TransactionViews {

    private final AccountDirectory directory;
    private final Ledger ledger;

    public TransactionViews(AccountDirectory directory, Ledger ledger) {
        this.directory = directory;
        this.ledger = ledger;
    }

    public TransactionResponse of(Transaction t) {
        List<PostingResponse> postings = t.postings().stream().map(this::posting).toList();
        References r = t.references();
        return new TransactionResponse(t.id(), t.kind(), t.phase(), fundCode(t), t.memo(), Times.format(t.occurredAt()),
                Times.format(t.recordedAt()), t.recordedBy(), Money.format(t.amountFen(t.fundId())),
                t.fundIds().stream().map(f -> new FundAmountResponse(directory.fundCode(f), Money.format(t.amountFen(f)))).toList(),
                t.booked(), t.reversesId(), t.pendingId(),
                new ReferencesResponse(r.gift(), r.disbursement(), r.pool(), r.project()), postings, t.hash(), t.prevHash());
    }

    private PostingResponse posting(Posting p) {
        AccountRef account = directory.account(p.accountId());
        return new PostingResponse(directory.fundCode(p.fundId()), account.accountCode(), account.accountName(),
                Money.format(p.debitFen()), Money.format(p.creditFen()));
    }

    private String fundCode(Transaction t) {
        return directory.fundCode(t.fundId());
    }
}
