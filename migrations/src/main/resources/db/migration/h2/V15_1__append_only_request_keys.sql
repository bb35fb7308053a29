-- A request key is kept like the record it made: added, never changed, so a retry always finds what the first request did.
CREATE TRIGGER request_key_append_only BEFORE UPDATE, DELETE ON request_key
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
