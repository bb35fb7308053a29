-- Refunds and payments of what a refund owed are kept like the journal: added, never changed.
CREATE TRIGGER gift_refund_append_only BEFORE UPDATE, DELETE ON gift_refund
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
