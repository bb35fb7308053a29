-- The journal is append-only: mistakes are corrected by reversing transactions, never by editing them.
-- H2 triggers are Java classes; this one refuses every row it sees.
CREATE TRIGGER journal_transaction_append_only BEFORE UPDATE, DELETE ON journal_transaction
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
CREATE TRIGGER journal_leg_append_only BEFORE UPDATE, DELETE ON journal_leg
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
