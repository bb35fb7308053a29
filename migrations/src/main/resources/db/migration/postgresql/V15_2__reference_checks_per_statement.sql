-- The writer inserts each batch's transactions, legs and gifts with one statement per table. A foreign key checks
-- row by row: one query per row and key, about 60 per gift, which took half of the time of those three inserts
-- (auto_explain, docs/benchmarks.md). Here the same references are checked once per statement, over the rows the
-- statement inserted or updated (a transition table), with the same SQLSTATE (23503) and the constraint's old name.
--
-- Each check probes the referenced table's key index once per row of the statement. The functions say so (no
-- sequential scan, hash or merge join): PL/pgSQL keeps a query's plan for the session, and one made while the journal
-- was small scanned the whole journal for every batch once it had grown (seen: 18 ms per batch of 31 gifts).
--
-- A foreign key also stops the referenced row from being deleted or re-keyed. Funds, accounts and projects are never
-- deleted (they are closed) and their keys never change, and the journal is append-only already (V2): the triggers
-- at the end of this file make that a rule of the database, so a checked reference stays true.

ALTER TABLE journal_transaction DROP CONSTRAINT journal_transaction_fund_id_fkey;
ALTER TABLE journal_leg DROP CONSTRAINT journal_leg_transaction_id_fkey;
ALTER TABLE journal_leg DROP CONSTRAINT leg_debit_in_fund;
ALTER TABLE journal_leg DROP CONSTRAINT leg_credit_in_fund;
ALTER TABLE gift DROP CONSTRAINT gift_fund_id_fkey;
ALTER TABLE gift DROP CONSTRAINT gift_project_id_fkey;
ALTER TABLE gift DROP CONSTRAINT gift_transaction_id_fkey;

CREATE FUNCTION refused_reference(constraint_name TEXT, table_name TEXT, detail TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', table_name, constraint_name
        USING ERRCODE = 'foreign_key_violation', DETAIL = detail, CONSTRAINT = constraint_name, TABLE = table_name;
END
$$;

CREATE FUNCTION journal_transaction_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    missing BIGINT;
BEGIN
    SELECT n.fund_id INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM fund f WHERE f.id = n.fund_id) LIMIT 1;
    IF FOUND THEN
        PERFORM refused_reference('journal_transaction_fund_id_fkey', 'journal_transaction',
                                  format('Key (fund_id)=(%s) is not present in table "fund".', missing));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER journal_transaction_references AFTER INSERT ON journal_transaction
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION journal_transaction_references_exist();

CREATE FUNCTION journal_leg_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad RECORD;
BEGIN
    SELECT n.transaction_id INTO bad FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM journal_transaction t WHERE t.id = n.transaction_id) LIMIT 1;
    IF FOUND THEN
        PERFORM refused_reference('journal_leg_transaction_id_fkey', 'journal_leg',
                                  format('Key (transaction_id)=(%s) is not present in table "journal_transaction".', bad.transaction_id));
    END IF;
    SELECT n.fund_id, n.debit_account_id AS account_id INTO bad FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.fund_id = n.fund_id AND a.id = n.debit_account_id) LIMIT 1;
    IF FOUND THEN
        PERFORM refused_reference('leg_debit_in_fund', 'journal_leg',
                                  format('Key (fund_id, debit_account_id)=(%s, %s) is not present in table "account".', bad.fund_id, bad.account_id));
    END IF;
    SELECT n.fund_id, n.credit_account_id AS account_id INTO bad FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.fund_id = n.fund_id AND a.id = n.credit_account_id) LIMIT 1;
    IF FOUND THEN
        PERFORM refused_reference('leg_credit_in_fund', 'journal_leg',
                                  format('Key (fund_id, credit_account_id)=(%s, %s) is not present in table "account".', bad.fund_id, bad.account_id));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER journal_leg_references AFTER INSERT ON journal_leg
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION journal_leg_references_exist();

-- A gift is updated when it is refunded: its references are checked then too (one trigger per event, as PostgreSQL
-- allows a transition table only on a trigger of one event).
CREATE FUNCTION gift_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    missing BIGINT;
BEGIN
    SELECT n.fund_id INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM fund f WHERE f.id = n.fund_id) LIMIT 1;
    IF FOUND THEN
        PERFORM refused_reference('gift_fund_id_fkey', 'gift', format('Key (fund_id)=(%s) is not present in table "fund".', missing));
    END IF;
    SELECT n.project_id INTO missing FROM new_rows n
    WHERE n.project_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM project p WHERE p.id = n.project_id) LIMIT 1;
    IF FOUND THEN
        PERFORM refused_reference('gift_project_id_fkey', 'gift', format('Key (project_id)=(%s) is not present in table "project".', missing));
    END IF;
    SELECT n.transaction_id INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM journal_transaction t WHERE t.id = n.transaction_id) LIMIT 1;
    IF FOUND THEN
        PERFORM refused_reference('gift_transaction_id_fkey', 'gift',
                                  format('Key (transaction_id)=(%s) is not present in table "journal_transaction".', missing));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER gift_references_on_insert AFTER INSERT ON gift
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gift_references_exist();
CREATE TRIGGER gift_references_on_update AFTER UPDATE ON gift
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gift_references_exist();

-- What the checks above refer to stays: a fund, an account or a project is never deleted, and its key never changes.
CREATE FUNCTION row_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is kept for good: its rows are never deleted and their keys never change (close it instead)', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER fund_kept BEFORE DELETE ON fund FOR EACH ROW EXECUTE FUNCTION row_is_kept();
CREATE TRIGGER fund_key_kept BEFORE UPDATE ON fund
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION row_is_kept();
CREATE TRIGGER fund_no_truncate BEFORE TRUNCATE ON fund FOR EACH STATEMENT EXECUTE FUNCTION row_is_kept();
CREATE TRIGGER account_kept BEFORE DELETE ON account FOR EACH ROW EXECUTE FUNCTION row_is_kept();
CREATE TRIGGER account_key_kept BEFORE UPDATE ON account
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.fund_id IS DISTINCT FROM NEW.fund_id) EXECUTE FUNCTION row_is_kept();
CREATE TRIGGER account_no_truncate BEFORE TRUNCATE ON account FOR EACH STATEMENT EXECUTE FUNCTION row_is_kept();
CREATE TRIGGER project_kept BEFORE DELETE ON project FOR EACH ROW EXECUTE FUNCTION row_is_kept();
CREATE TRIGGER project_key_kept BEFORE UPDATE ON project
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION row_is_kept();
CREATE TRIGGER project_no_truncate BEFORE TRUNCATE ON project FOR EACH STATEMENT EXECUTE FUNCTION row_is_kept();

-- An accepted project is closed for good (V8): checked once per statement as well, over the statement's transactions.
DROP TRIGGER journal_transaction_not_to_accepted_project ON journal_transaction;
DROP FUNCTION project_must_not_be_accepted();

CREATE FUNCTION transactions_not_to_accepted_project() RETURNS trigger LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    accepted TEXT;
BEGIN
    SELECT p.code INTO accepted FROM new_rows n JOIN project p ON p.code = n.project_ref
    WHERE p.status = 'ACCEPTED' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'project % is accepted and closed for good: nothing posts to it', accepted
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER journal_transaction_not_to_accepted_project AFTER INSERT ON journal_transaction
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION transactions_not_to_accepted_project();
