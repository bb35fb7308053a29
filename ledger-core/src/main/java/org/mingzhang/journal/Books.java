package org.mingzhang.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mingzhang.account.Account;
import org.mingzhang.fund.Fund;

/** What a {@link Decider} may read and do within the batch being decided. */
public interface Books {

    /** The batch's clock reading: every record of the batch is dated with it. */
    Instant now();

    Optional<Fund> fund(String code);

    Optional<Fund> fund(long id);

    Optional<Account> account(long fundId, String accountCode);

    Optional<Account> account(long accountId);

    /** A transaction the batch read ahead or booked (one a command refers to: the one it reverses, say). */
    Optional<Transaction> transaction(long id);

    /** The transaction already written (or written earlier in this batch) with this idempotency key. */
    Optional<Transaction> earlierWithKey(String idempotencyKey);

    /** Opens a fund (a matching pool's own books, say) in this batch. */
    Outcome<Fund> createFund(CreateFund command);

    /** Books a journal command (an entry, a reversal, a pending transfer and its resolution) in this batch. */
    Outcome<Transaction> book(LedgerCommand<Transaction> command);

    /** Closes a fund's books through an instant in this batch (a year-end close locks its year). */
    Outcome<Fund> closePeriod(ClosePeriod command);

    /** Adds a business record for storage to write in the batch's database transaction, after the journal. */
    void write(BatchRecord record);

    /** The transactions booked so far in this batch, not yet in storage (for figures read from storage as well). */
    List<Transaction> bookedInBatch();
}
