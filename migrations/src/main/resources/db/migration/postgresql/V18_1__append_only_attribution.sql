-- An attribution is kept as it was made with its outflow: added once, never changed, never deleted (a new method adds
-- rows under its own version).
CREATE TRIGGER attribution_append_only BEFORE UPDATE OR DELETE ON attribution
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER attribution_no_truncate BEFORE TRUNCATE ON attribution
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER attribution_outflow_append_only BEFORE UPDATE OR DELETE ON attribution_outflow
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER attribution_outflow_no_truncate BEFORE TRUNCATE ON attribution_outflow
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
