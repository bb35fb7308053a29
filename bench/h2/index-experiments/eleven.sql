-- An experiment, never to ship (README.md here): eleven plain indexes that the service reads but the write path does
-- not need. journal_transaction_fund is not among them: H2 uses it for a foreign key and refuses to drop it.
DROP INDEX gift_fund;
DROP INDEX gift_fund_received;
DROP INDEX gift_project;
DROP INDEX journal_transaction_occurred;
DROP INDEX journal_transaction_pending;
DROP INDEX journal_transaction_year_close;
DROP INDEX journal_transaction_project;
DROP INDEX journal_leg_credit_account;
DROP INDEX journal_leg_debit_account;
DROP INDEX journal_leg_fund;
DROP INDEX attribution_unit_gift;
