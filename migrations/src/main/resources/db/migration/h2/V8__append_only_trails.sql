-- A project's audit trail and its leftover decisions are kept like the journal: added, never changed.
CREATE TRIGGER project_event_append_only BEFORE UPDATE, DELETE ON project_event
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
CREATE TRIGGER project_leftover_append_only BEFORE UPDATE, DELETE ON project_leftover
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
