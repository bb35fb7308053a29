-- Seven references that every gift's rows carry. H2 declares a foreign key only with an index over exactly its
-- columns, and these seven indexes served no read: the reads go through indexes that begin with the same columns
-- (gift_fund, gift_project, journal_leg_fund, the primary keys of journal_leg, attribution_unit and project_donor), and
-- an index on the referring side is there for deletes of the rows referred to, which never happen (funds, accounts
-- and projects are closed, not deleted; the journal is append-only). Each gift still entered up to four of them, and
-- three more a leg; without them (and V23's two) H2 answered about a fifth more gifts a second (docs/benchmarks.md,
-- fourteenth pass).
--
-- So each is checked as PostgreSQL checks it since V15_2 and V22, outside a foreign key: a trigger looks the named row
-- up by its table's key and refuses a row that points nowhere (ReferenceTrigger; SQLSTATE 23506, as H2's own
-- reference; named as PostgreSQL names the check). A foreign key also kept the rows referred to: the journal is
-- append-only (V2), and funds, accounts and projects are kept for good here as on PostgreSQL (KeptRowTrigger, as V15_2 there).

CREATE ALIAS MINGZHANG_DROP_REFERENCE FOR 'org.mingzhang.store.H2SchemaChanges.dropReference';
CALL MINGZHANG_DROP_REFERENCE('GIFT', 'FUND_ID');
CALL MINGZHANG_DROP_REFERENCE('GIFT', 'PROJECT_ID');
CALL MINGZHANG_DROP_REFERENCE('JOURNAL_LEG', 'TRANSACTION_ID');
CALL MINGZHANG_DROP_REFERENCE('ATTRIBUTION_UNIT', 'PROJECT_ID');
CALL MINGZHANG_DROP_REFERENCE('PROJECT_DONOR', 'PROJECT_ID');
DROP ALIAS MINGZHANG_DROP_REFERENCE;
-- V1 named the two references of a leg to its accounts in its fund.
ALTER TABLE journal_leg DROP CONSTRAINT leg_debit_in_fund;
ALTER TABLE journal_leg DROP CONSTRAINT leg_credit_in_fund;

CREATE TRIGGER gift_fund_id_fkey AFTER INSERT, UPDATE ON gift FOR EACH ROW CALL 'org.mingzhang.store.ReferenceTrigger';
CREATE TRIGGER gift_project_id_fkey AFTER INSERT, UPDATE ON gift FOR EACH ROW CALL 'org.mingzhang.store.ReferenceTrigger';
CREATE TRIGGER journal_leg_transaction_id_fkey AFTER INSERT, UPDATE ON journal_leg FOR EACH ROW
    CALL 'org.mingzhang.store.ReferenceTrigger';
CREATE TRIGGER leg_debit_in_fund AFTER INSERT, UPDATE ON journal_leg FOR EACH ROW CALL 'org.mingzhang.store.ReferenceTrigger';
CREATE TRIGGER leg_credit_in_fund AFTER INSERT, UPDATE ON journal_leg FOR EACH ROW CALL 'org.mingzhang.store.ReferenceTrigger';
CREATE TRIGGER attribution_unit_project_id_fkey AFTER INSERT, UPDATE ON attribution_unit FOR EACH ROW
    CALL 'org.mingzhang.store.ReferenceTrigger';
CREATE TRIGGER project_donor_project_id_fkey AFTER INSERT, UPDATE ON project_donor FOR EACH ROW
    CALL 'org.mingzhang.store.ReferenceTrigger';

CREATE TRIGGER fund_kept BEFORE DELETE, UPDATE ON fund FOR EACH ROW CALL 'org.mingzhang.store.KeptRowTrigger';
CREATE TRIGGER account_kept BEFORE DELETE, UPDATE ON account FOR EACH ROW CALL 'org.mingzhang.store.KeptRowTrigger';
CREATE TRIGGER project_kept BEFORE DELETE, UPDATE ON project FOR EACH ROW CALL 'org.mingzhang.store.KeptRowTrigger';
