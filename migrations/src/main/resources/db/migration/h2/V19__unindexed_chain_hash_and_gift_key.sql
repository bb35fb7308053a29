-- The same change as db/migration/postgresql/V19__unindexed_chain_hash_and_gift_key.sql, which says why. H2 named the
-- two unique constraints itself when V1 and V4 were run (CONSTRAINT_…), so they are found by their table and column.

CREATE ALIAS MINGZHANG_DROP_UNIQUE FOR 'org.mingzhang.store.H2SchemaChanges.dropUnique';
CALL MINGZHANG_DROP_UNIQUE('JOURNAL_TRANSACTION', 'HASH');
CALL MINGZHANG_DROP_UNIQUE('GIFT', 'IDEMPOTENCY_KEY');
DROP ALIAS MINGZHANG_DROP_UNIQUE;
