-- Two projections of the journal, written by the single writer in the same database transaction as the journal rows
-- they follow from (issue 10). Neither is a second source of truth: both can be recomputed from journal_transaction and
-- journal_leg, and the tests do.

-- Checkpoints of the hash chain: with every transaction that brings the chain to a multiple of N transactions (N is
-- LedgerWriter.Settings.transactionsPerCheckpoint, 1,000 unless set), the hash the chain reached there and how many
-- transactions it then held. GET /api/v1/ledger/verify starts from the last checkpoint (its hash checked against its
-- transaction's row, everything after it rehashed); ?full=true rehashes from the first transaction and checks every
-- checkpoint against the recomputed chain. Rows are added, never changed (db/migration/{h2,postgresql}/V14_1).
-- Nothing is backfilled: SQL cannot compute the chain's hashes. Counting goes on from the journal as it stands, so the
-- first checkpoint comes with the next multiple of N, and until then a verification starts at the first transaction.
CREATE TABLE chain_checkpoint (
    transaction_id    BIGINT      NOT NULL PRIMARY KEY REFERENCES journal_transaction (id),
    hash              VARCHAR(64) NOT NULL,
    -- The transactions in the chain up to and including this one.
    transaction_count BIGINT      NOT NULL CHECK (transaction_count > 0)
);

-- Period balances: per account and calendar month of China Standard Time (Asia/Shanghai, as the fiscal year; the month
-- as the number yyyymm, 202605), the posted debits and credits of the legs dated in that month (journal_leg.occurred_at,
-- the transaction's event time). A pending leg does not count; its posting counts in the month the posting is dated.
-- So a month's row equals the sum of that month's posted legs, and a balance as of an instant sums the whole months
-- before its month from here and only the legs of its own month from journal_leg. The books kept before this table are
-- summed into it by db/migration/{h2,postgresql}/V14_2, in the same SQL for both: it needs AT TIME ZONE, which jOOQ's
-- parser (it generates the classes from the files here) does not read.
CREATE TABLE period_balance (
    fund_id            BIGINT NOT NULL,
    account_id         BIGINT NOT NULL,
    period             INT    NOT NULL,
    debits_posted_fen  BIGINT NOT NULL CHECK (debits_posted_fen >= 0),
    credits_posted_fen BIGINT NOT NULL CHECK (credits_posted_fen >= 0),
    PRIMARY KEY (fund_id, account_id, period),
    CONSTRAINT period_balance_account_in_fund FOREIGN KEY (fund_id, account_id) REFERENCES account (fund_id, id),
    -- Negative yyyymm (years before the year 0) are left unchecked; no fund's books reach back so far.
    CONSTRAINT period_balance_is_a_month CHECK (period < 0 OR MOD(period, 100) BETWEEN 1 AND 12)
);
