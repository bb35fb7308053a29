-- An experiment, never to ship (README.md here): the leg indexes by account and time (V1), which no query reads.
DROP INDEX journal_leg_debit_account;
DROP INDEX journal_leg_credit_account;
