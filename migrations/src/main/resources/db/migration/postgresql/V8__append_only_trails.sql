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
