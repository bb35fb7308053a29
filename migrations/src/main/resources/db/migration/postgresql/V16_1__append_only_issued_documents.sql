-- An issued document is kept as it was served: added once, never changed, never deleted.
CREATE TRIGGER issued_document_append_only BEFORE UPDATE OR DELETE ON issued_document
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER issued_document_no_truncate BEFORE TRUNCATE ON issued_document
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
