-- A run of the log is added once: never changed, never deleted.
CREATE TRIGGER log_run_append_only BEFORE UPDATE, DELETE ON log_run
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
