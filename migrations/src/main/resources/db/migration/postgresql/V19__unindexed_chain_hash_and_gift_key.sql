-- Two unique indexes that guarded nothing the rest of the schema does not already guard, and that cost every gift two
-- writes to random places of large B-trees (docs/design/write-path.md, "Why the chain hash and a gift's key are not
-- indexed"):
--
-- * journal_transaction.hash: nothing looks a transaction up by its hash, and two rows cannot share one: the hash
--   covers the row's own id, which is the primary key, so equal hashes would take a SHA-256 collision.
-- * gift.idempotency_key: a gift's key is its journal transaction's key (GiftDecider books it so), which is unique in
--   journal_transaction, and gift.transaction_id is unique; a gift is found by its key through its transaction.
--
-- db/migration/h2/V19__unindexed_chain_hash_and_gift_key.sql does the same on H2, where the constraints' names are
-- generated.

ALTER TABLE journal_transaction DROP CONSTRAINT journal_transaction_hash_key;
ALTER TABLE gift DROP CONSTRAINT gift_idempotency_key_key;
