package org.mingzhang.journal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mingzhang.account.Account;
import org.mingzhang.fund.Fund;

/** The port for reading committed ledger data. Reads never wait behind the write queue. */
public interface LedgerReads {

    List<Fund> funds();

    Optional<Fund> fund(String code);

    /** The fund with this id. */
    default Optional<Fund> fund(long id) {
        return funds().stream().filter(f -> f.id() == id).findFirst();
    }

    /** The fund's chart with current totals, ordered by account code. */
    List<Account> accounts(long fundId);

    Optional<Transaction> transaction(long id);

    /** Transactions in id order after {@code afterId}, optionally of one fund and within event times [from, to]. */
    List<Transaction> transactions(TransactionQuery query);

    /**
     * Posted {debits, credits} per account id over the legs of these funds whose event time is at or before {@code asOf},
     * summed from every such leg of the journal: the replay that the period balances are checked against.
     */
    Map<Long, long[]> postedTotalsAsOf(Collection<Long> fundIds, Instant asOf);

    /**
     * The same figures as {@link #postedTotalsAsOf}, summed from the period balances of the whole months before the
     * month of {@code asOf} ({@link AccountingMonth}) and from the legs of that month up to {@code asOf} only, so that
     * the work does not grow with the age of the books. What the ledger answers balances as of an instant with.
     */
    Map<Long, long[]> periodTotalsAsOf(Collection<Long> fundIds, Instant asOf);

    /**
     * The fund's period balances: posted {debits, credits} per account and month of the books ({@link AccountingMonth}),
     * as the writer keeps them with every batch. The public page's sources and uses over time read these rows, a few
     * dozen per month, never the legs.
     */
    Map<AccountPeriod, long[]> periodBalances(long fundId);

    /** Every transaction in id order after {@code afterId}, for verifying the chain without holding the journal in memory. */
    void forEachTransaction(long afterId, Consumer<Transaction> consumer);

    /** Every transaction in id order. */
    default void forEachTransaction(Consumer<Transaction> consumer) {
        forEachTransaction(0, consumer);
    }

    /** The journal's last committed transaction: one indexed read, whatever the journal's length. */
    ChainHead chainHead();

    /** The checkpoint of the chain with the highest transaction id; empty before the first. */
    Optional<ChainCheckpoint> lastCheckpoint();

    /** Checkpoints in transaction order after {@code afterTransactionId}, at most {@code limit} of them. */
    List<ChainCheckpoint> checkpoints(long afterTransactionId, int limit);
}
