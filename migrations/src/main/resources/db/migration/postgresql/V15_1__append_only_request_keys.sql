-- A request key is kept like the record it made: added, never changed, so a retry always finds what the first request did.
CREATE TRIGGER request_key_append_only BEFORE UPDATE OR DELETE ON request_key
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER request_key_no_truncate BEFORE TRUNCATE ON request_key
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
