-- Refunds and payments of what a refund owed are kept like the journal: added, never changed.
CREATE TRIGGER gift_refund_append_only BEFORE UPDATE OR DELETE ON gift_refund
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER gift_refund_no_truncate BEFORE TRUNCATE ON gift_refund
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
