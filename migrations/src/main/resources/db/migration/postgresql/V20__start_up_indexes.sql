-- The writer's start-up reads two kinds of rows of the journal: the open pending transfers (JooqJournalStore.load:
-- PENDING rows that no later row resolves) and the year-closing entries (JooqClosingStore.yearCloses: kind YEAR_CLOSE).
-- Without an index each read scanned the whole journal, so start-up grew with the history (about 20 s of an H2 start
-- over 1,000,000 gifts, docs/benchmarks.md). Here only those rows are indexed: a gift, POSTED and of kind GIFT, adds
-- nothing to either index.
CREATE INDEX journal_transaction_pending ON journal_transaction (id) WHERE phase = 'PENDING';
CREATE INDEX journal_transaction_year_close ON journal_transaction (id) WHERE kind = 'YEAR_CLOSE';
