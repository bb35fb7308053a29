-- The ledger's schema, shared by H2 and PostgreSQL. Identifiers are unquoted and lower case.
--
-- What the database itself guarantees, whatever the application does:
--   * every leg moves a positive amount from one account to another account of the same fund, so every
--     transaction balances within each fund by construction (a transaction is a set of legs; an
--     accountant's debit and credit lines are decomposed into legs and recomposed for display);
--   * a pending transfer is posted or voided at most once, and a transaction is reversed at most once;
--   * an account that must not go negative cannot be left negative by any committed statement;
--   * the journal (journal_transaction, journal_leg) is append-only: the triggers in
--     db/migration/{h2,postgresql}/V2__append_only.sql refuse UPDATE and DELETE.

CREATE TABLE fund (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    code                 VARCHAR(32)  NOT NULL UNIQUE,
    name                 VARCHAR(200) NOT NULL,
    fund_level           VARCHAR(16)  NOT NULL CHECK (fund_level IN ('CITY', 'STREET', 'COMMUNITY', 'SEED')),
    parent_id            BIGINT       REFERENCES fund (id),
    must_not_go_negative BOOLEAN      NOT NULL,
    -- Postings dated at or before this instant are refused; NULL while no period is closed.
    closed_through       TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE account (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    fund_id              BIGINT       NOT NULL REFERENCES fund (id),
    code                 VARCHAR(32)  NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    type                 VARCHAR(16)  NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'NET_ASSETS', 'INCOME', 'EXPENSE')),
    normal_side          VARCHAR(6)   NOT NULL CHECK (normal_side IN ('DEBIT', 'CREDIT')),
    restricted           BOOLEAN      NOT NULL,
    must_not_go_negative BOOLEAN      NOT NULL,
    -- Running totals kept by the single writer; always equal to the sums over journal_leg (the tests replay them).
    debits_posted_fen    BIGINT       NOT NULL DEFAULT 0 CHECK (debits_posted_fen >= 0),
    credits_posted_fen   BIGINT       NOT NULL DEFAULT 0 CHECK (credits_posted_fen >= 0),
    debits_pending_fen   BIGINT       NOT NULL DEFAULT 0 CHECK (debits_pending_fen >= 0),
    credits_pending_fen  BIGINT       NOT NULL DEFAULT 0 CHECK (credits_pending_fen >= 0),
    CONSTRAINT account_code_unique_in_fund UNIQUE (fund_id, code),
    CONSTRAINT account_fund_id_unique UNIQUE (fund_id, id),
    CONSTRAINT account_must_not_go_negative CHECK (
        NOT must_not_go_negative
        OR (normal_side = 'DEBIT' AND debits_posted_fen - credits_posted_fen - credits_pending_fen >= 0)
        OR (normal_side = 'CREDIT' AND credits_posted_fen - debits_posted_fen - debits_pending_fen >= 0))
);

CREATE TABLE journal_transaction (
    id               BIGINT       NOT NULL PRIMARY KEY,
    idempotency_key  VARCHAR(200) NOT NULL UNIQUE,
    -- SHA-256 of the command's canonical content: a replay with the same key must carry the same content.
    request_hash     VARCHAR(64)  NOT NULL,
    -- The fund the entry was made for; a linked two-fund entry also has legs in the other fund.
    fund_id          BIGINT       NOT NULL REFERENCES fund (id),
    kind             VARCHAR(32)  NOT NULL,
    phase            VARCHAR(16)  NOT NULL CHECK (phase IN ('POSTED', 'PENDING', 'POST_PENDING', 'VOID_PENDING')),
    memo             VARCHAR(500) NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reverses_id      BIGINT       UNIQUE REFERENCES journal_transaction (id),
    pending_id       BIGINT       UNIQUE REFERENCES journal_transaction (id),
    gift_ref         VARCHAR(64),
    disbursement_ref VARCHAR(64),
    pool_ref         VARCHAR(64),
    recorded_by      VARCHAR(100) NOT NULL,
    prev_hash        VARCHAR(64)  NOT NULL,
    hash             VARCHAR(64)  NOT NULL UNIQUE,
    CONSTRAINT transaction_resolves_only_pending CHECK ((phase IN ('POST_PENDING', 'VOID_PENDING')) = (pending_id IS NOT NULL))
);

CREATE TABLE journal_leg (
    transaction_id    BIGINT  NOT NULL REFERENCES journal_transaction (id),
    leg_no            INT     NOT NULL,
    fund_id           BIGINT  NOT NULL,
    debit_account_id  BIGINT  NOT NULL,
    credit_account_id BIGINT  NOT NULL,
    amount_fen        BIGINT  NOT NULL CHECK (amount_fen > 0),
    -- FALSE for the legs of a pending transfer: they count in the pending totals, not in balances.
    posted            BOOLEAN NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (transaction_id, leg_no),
    CONSTRAINT leg_moves_between_two_accounts CHECK (debit_account_id <> credit_account_id),
    CONSTRAINT leg_debit_in_fund FOREIGN KEY (fund_id, debit_account_id) REFERENCES account (fund_id, id),
    CONSTRAINT leg_credit_in_fund FOREIGN KEY (fund_id, credit_account_id) REFERENCES account (fund_id, id)
);

CREATE INDEX journal_leg_debit_account ON journal_leg (debit_account_id, occurred_at);
CREATE INDEX journal_leg_credit_account ON journal_leg (credit_account_id, occurred_at);
CREATE INDEX journal_leg_fund ON journal_leg (fund_id, occurred_at);
CREATE INDEX journal_transaction_occurred ON journal_transaction (occurred_at);
CREATE INDEX journal_transaction_fund ON journal_transaction (fund_id);

CREATE TABLE app_user (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    -- Comma-separated role names (ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR).
    roles         VARCHAR(200) NOT NULL,
    -- Only the SHA-256 of the bearer token is kept; the token itself is shown once, at creation.
    token_sha256  VARCHAR(64)  NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
