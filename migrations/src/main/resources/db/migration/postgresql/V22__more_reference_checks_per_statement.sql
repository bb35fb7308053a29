-- V15_2 moved the journal's and gifts' foreign keys to checks once per statement. Three later tables that every
-- restricted gift writes still checked theirs row by row: a transparency-log leaf names its transaction (V17), an
-- attribution unit and a project's donor row name their project (V18, V13). `perf` on the writer's backend under the
-- HTTP benchmark put 24% of its processor time in those row-by-row checks (one SPI query per row, planned again and
-- again; docs/benchmarks.md, ninth pass). Here they are checked as V15_2 checks the others: over the statement's rows,
-- with the same SQLSTATE (23503) and constraint names. The referenced rows stay as a foreign key would keep them: the
-- journal is append-only (V2) and a project is never deleted nor re-keyed (V15_2).

ALTER TABLE log_leaf DROP CONSTRAINT log_leaf_transaction_id_fkey;
ALTER TABLE attribution_unit DROP CONSTRAINT attribution_unit_project_id_fkey;
ALTER TABLE project_donor DROP CONSTRAINT project_donor_project_id_fkey;

-- A leaf is never updated (V17_1), so only what is inserted is checked.
CREATE FUNCTION log_leaf_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    missing BIGINT;
BEGIN
    SELECT n.transaction_id INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM journal_transaction t WHERE t.id = n.transaction_id) LIMIT 1;
    IF FOUND THEN
        PERFORM refused_reference('log_leaf_transaction_id_fkey', 'log_leaf',
                                  format('Key (transaction_id)=(%s) is not present in table "journal_transaction".', missing));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER log_leaf_references AFTER INSERT ON log_leaf
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_leaf_references_exist();

-- The project of the inserted rows of an attribution unit or a donor row (TG_ARGV[0]: the constraint's name).
CREATE FUNCTION project_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    missing BIGINT;
BEGIN
    SELECT n.project_id INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM project p WHERE p.id = n.project_id) LIMIT 1;
    IF FOUND THEN
        PERFORM refused_reference(TG_ARGV[0], TG_TABLE_NAME,
                                  format('Key (project_id)=(%s) is not present in table "project".', missing));
    END IF;
    RETURN NULL;
END
$$;

-- An updated row is checked only when its project changes: the writer's upserts rewrite these rows all the time and
-- never change their project (it is part of both keys), and a foreign key checks an update only then too.
CREATE FUNCTION changed_project_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM project p WHERE p.id = NEW.project_id) THEN
        PERFORM refused_reference(TG_ARGV[0], TG_TABLE_NAME,
                                  format('Key (project_id)=(%s) is not present in table "project".', NEW.project_id));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER attribution_unit_references AFTER INSERT ON attribution_unit
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION project_references_exist('attribution_unit_project_id_fkey');
CREATE TRIGGER attribution_unit_project_changed BEFORE UPDATE ON attribution_unit
    FOR EACH ROW WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id)
    EXECUTE FUNCTION changed_project_exists('attribution_unit_project_id_fkey');

CREATE TRIGGER project_donor_references AFTER INSERT ON project_donor
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION project_references_exist('project_donor_project_id_fkey');
CREATE TRIGGER project_donor_project_changed BEFORE UPDATE ON project_donor
    FOR EACH ROW WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id)
    EXECUTE FUNCTION changed_project_exists('project_donor_project_id_fkey');
