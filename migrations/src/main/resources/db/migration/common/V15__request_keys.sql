-- One idempotency mechanism for every request that creates or changes something and carries no key of its own in the
-- journal: the caller's Idempotency-Key, scoped to the caller (the authenticated user's id; the admin, who is not a
-- stored user, is 0), with the SHA-256 of the request it came with and the record it made. The single writer inserts
-- the row in the same database transaction as the record, so a key is never kept without its record nor a record
-- without its key. A repeat with the same key and the same request answers that record; the same key with another
-- request is refused (409). Another caller's key is another key: the primary key is the pair.
--
-- Requests that move money keep their key in the journal (journal_transaction.idempotency_key, one key space for all
-- callers), as before; see docs/reference/idempotency.md.

CREATE TABLE request_key (
    caller_id        BIGINT       NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    -- SHA-256 (hex) of the request's method, path and body as the API read it.
    request_hash     VARCHAR(64)  NOT NULL,
    -- What the request made or changed: a kind (PROJECT, NEED, DISBURSEMENT, …) and that record's id or code.
    record_kind      VARCHAR(32)  NOT NULL,
    record_id        VARCHAR(100) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller_id, idempotency_key),
    CONSTRAINT request_key_hash_is_sha256 CHECK (CHAR_LENGTH(request_hash) = 64)
);
