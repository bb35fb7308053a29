-- An issued document is kept as it was served: added once, never changed, never deleted.
CREATE TRIGGER issued_document_append_only BEFORE UPDATE, DELETE ON issued_document
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
