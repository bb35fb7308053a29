-- Two indexes of V1 that nothing reads: every read of the legs goes by their transaction or by their fund (and the
-- joins to the accounts go from the leg to the account's key), never by one account alone. Each leg entered both, so
-- each gift wrote two index entries for no read (docs/benchmarks.md, fourteenth pass).
DROP INDEX journal_leg_debit_account;
DROP INDEX journal_leg_credit_account;
