-- Refunds in part, and refunds of money already spent. A gift keeps what has been refunded of it and what the fund
-- still owes its donor (a refund whose money was spent books that obligation, 其他应付款 2209, paid later). Every
-- refund and every payment of what was owed is a row of its own, added and never changed, named by its journal
-- transaction. A gift is REFUNDED once the whole of it has been refunded.
ALTER TABLE gift ADD COLUMN refunded_fen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE gift ADD COLUMN refund_owed_fen BIGINT DEFAULT 0 NOT NULL;
UPDATE gift SET refunded_fen = amount_fen WHERE status = 'REFUNDED';
ALTER TABLE gift ADD CONSTRAINT gift_refunded_within_amount CHECK (refunded_fen BETWEEN 0 AND amount_fen);
ALTER TABLE gift ADD CONSTRAINT gift_owes_within_refunded CHECK (refund_owed_fen BETWEEN 0 AND refunded_fen);
ALTER TABLE gift ADD CONSTRAINT gift_refunded_in_whole CHECK ((status = 'REFUNDED') = (refunded_fen = amount_fen));

CREATE TABLE gift_refund (
    transaction_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES journal_transaction (id),
    gift_id          BIGINT       NOT NULL REFERENCES gift (id),
    -- REFUND: money refunded to the donor (returned now, or owed); PAYMENT: what was owed, paid.
    kind             VARCHAR(16)  NOT NULL CHECK (kind IN ('REFUND', 'PAYMENT')),
    idempotency_key  VARCHAR(200) NOT NULL UNIQUE,
    request_hash     VARCHAR(64)  NOT NULL,
    amount_fen       BIGINT       NOT NULL CHECK (amount_fen > 0),
    returned_fen     BIGINT       NOT NULL CHECK (returned_fen >= 0),
    owed_fen         BIGINT       NOT NULL CHECK (owed_fen >= 0),
    reason           VARCHAR(500) NOT NULL,
    recorded_by      VARCHAR(100) NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gift_refund_parts_add_up CHECK (returned_fen + owed_fen = amount_fen),
    CONSTRAINT gift_refund_payment_owes_nothing CHECK (kind = 'REFUND' OR owed_fen = 0)
);
CREATE INDEX gift_refund_gift ON gift_refund (gift_id, transaction_id);

-- Refunds made before this table existed were whole and paid back at once.
INSERT INTO gift_refund (transaction_id, gift_id, kind, idempotency_key, request_hash, amount_fen, returned_fen, owed_fen,
                         reason, recorded_by, recorded_at)
SELECT g.refund_transaction_id, g.id, 'REFUND', t.idempotency_key, t.request_hash, g.amount_fen, g.amount_fen, 0,
       g.refund_reason, t.recorded_by, t.recorded_at
FROM gift g JOIN journal_transaction t ON t.id = g.refund_transaction_id
WHERE g.status = 'REFUNDED';

-- What a pool gave back to its sponsor when it closed, so that its figures reconcile: budget = settled − returned
-- + available + receivable + returned to the sponsor.
ALTER TABLE matching_pool ADD COLUMN returned_to_sponsor_fen BIGINT DEFAULT 0 NOT NULL;
UPDATE matching_pool SET returned_to_sponsor_fen = COALESCE((
    SELECT SUM(l.amount_fen) FROM journal_transaction t JOIN journal_leg l ON l.transaction_id = t.id
    WHERE t.idempotency_key = matching_pool.close_idempotency_key AND l.fund_id = matching_pool.pool_fund_id), 0)
WHERE close_idempotency_key IS NOT NULL;
ALTER TABLE matching_pool ADD CONSTRAINT pool_returns_at_most_its_budget
    CHECK (returned_to_sponsor_fen BETWEEN 0 AND budget_fen);

-- A project's management fee (管理费): the share of the money raised for it that its plan lets the federation charge,
-- in basis points of a yuan (500 = 5%).
ALTER TABLE project ADD COLUMN management_fee_bp INT DEFAULT 0 NOT NULL;
ALTER TABLE project ADD CONSTRAINT project_fee_within_limit CHECK (management_fee_bp BETWEEN 0 AND 1300);
ALTER TABLE project_plan_version ADD COLUMN management_fee_bp INT DEFAULT 0 NOT NULL;
ALTER TABLE project_plan_version ADD CONSTRAINT plan_version_fee_within_limit CHECK (management_fee_bp BETWEEN 0 AND 1300);
