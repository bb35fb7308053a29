-- A run of the log is added once: never changed, never deleted. (A batch adds one run, or a few, so its reference to
-- its last transaction stays a foreign key; V22's per-statement check went with `log_leaf`.)
DROP FUNCTION log_leaf_references_exist();
CREATE TRIGGER log_run_append_only BEFORE UPDATE OR DELETE ON log_run
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER log_run_no_truncate BEFORE TRUNCATE ON log_run
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
