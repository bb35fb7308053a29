-- A project's audit trail and its leftover decisions are kept like the journal: added, never changed.
CREATE FUNCTION record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER project_event_append_only BEFORE UPDATE OR DELETE ON project_event
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER project_event_no_truncate BEFORE TRUNCATE ON project_event
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER project_leftover_append_only BEFORE UPDATE OR DELETE ON project_leftover
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER project_leftover_no_truncate BEFORE TRUNCATE ON project_leftover
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();

-- An accepted project is closed for good (结项验收): no journal transaction may name it afterwards.
CREATE FUNCTION project_must_not_be_accepted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM project WHERE code = NEW.project_ref AND status = 'ACCEPTED') THEN
        RAISE EXCEPTION 'project % is accepted and closed for good: nothing posts to it', NEW.project_ref
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER journal_transaction_not_to_accepted_project BEFORE INSERT ON journal_transaction
    FOR EACH ROW WHEN (NEW.project_ref IS NOT NULL) EXECUTE FUNCTION project_must_not_be_accepted();
