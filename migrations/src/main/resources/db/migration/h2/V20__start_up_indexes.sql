-- The writer's start-up reads two kinds of rows of the journal: the open pending transfers (JooqJournalStore.load:
-- PENDING rows that no later row resolves) and the year-closing entries (JooqClosingStore.yearCloses: kind YEAR_CLOSE).
-- Without an index each read scanned the whole journal, so start-up grew with the history (about 20 s of an H2 start
-- over 1,000,000 gifts, docs/benchmarks.md). H2 has no partial index: every row is indexed by its phase and by its
-- kind, and a gift's entries go at the end of the POSTED and of the GIFT runs, next to the ones before them.
CREATE INDEX journal_transaction_pending ON journal_transaction (phase, id);
CREATE INDEX journal_transaction_year_close ON journal_transaction (kind, id);
