-- A project's audit trail and its leftover decisions are kept like the journal: added, never changed.
CREATE TRIGGER project_event_append_only BEFORE UPDATE, DELETE ON project_event
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
CREATE TRIGGER project_leftover_append_only BEFORE UPDATE, DELETE ON project_leftover
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';

-- An accepted project is closed for good (结项验收): no journal transaction may name it afterwards.
CREATE TRIGGER journal_transaction_not_to_accepted_project BEFORE INSERT ON journal_transaction
    FOR EACH ROW CALL 'org.mingzhang.store.AcceptedProjectTrigger';
