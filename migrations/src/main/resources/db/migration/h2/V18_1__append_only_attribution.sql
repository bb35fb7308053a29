-- An attribution is kept as it was made with its outflow: added once, never changed, never deleted (a new method adds
-- rows under its own version).
CREATE TRIGGER attribution_append_only BEFORE UPDATE, DELETE ON attribution
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
CREATE TRIGGER attribution_outflow_append_only BEFORE UPDATE, DELETE ON attribution_outflow
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
