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

    /** The fund's chart with current totals, ordered by account code. */
    List<Account> accounts(long fundId);

    Optional<Transaction> transaction(long id);

    /** Transactions in id order after {@code afterId}, optionally of one fund and within event times [from, to]. */
    List<Transaction> transactions(TransactionQuery query);

    /** Posted {debits, credits} per account id over the legs of these funds whose event time is at or before {@code asOf}. */
    Map<Long, long[]> postedTotalsAsOf(Collection<Long> fundIds, Instant asOf);

    /** Every transaction in id order, for verifying the chain without holding the journal in memory. */
    void forEachTransaction(Consumer<Transaction> consumer);
}
