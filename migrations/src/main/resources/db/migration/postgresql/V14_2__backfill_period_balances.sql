-- The books kept before period_balance existed, summed per account and month (common/V14 says what a row holds), so
-- that balances of past months read right at once. The same statement as in the other database's folder: it stands
-- here because jOOQ's parser, which reads common/, does not read AT TIME ZONE. EXTRACT of a time seen in Asia/Shanghai
-- gives the month the writer computes in Java (AccountingMonth), daylight saving of 1986–1991 included.
INSERT INTO period_balance (fund_id, account_id, period, debits_posted_fen, credits_posted_fen)
SELECT sides.fund_id, sides.account_id, sides.period, SUM(sides.debit_fen), SUM(sides.credit_fen)
FROM (
    SELECT l.fund_id AS fund_id, l.debit_account_id AS account_id,
           CAST(EXTRACT(YEAR FROM l.occurred_at AT TIME ZONE 'Asia/Shanghai') AS INT) * 100
               + CAST(EXTRACT(MONTH FROM l.occurred_at AT TIME ZONE 'Asia/Shanghai') AS INT) AS period,
           l.amount_fen AS debit_fen, CAST(0 AS BIGINT) AS credit_fen
    FROM journal_leg l WHERE l.posted = TRUE
    UNION ALL
    SELECT l.fund_id, l.credit_account_id,
           CAST(EXTRACT(YEAR FROM l.occurred_at AT TIME ZONE 'Asia/Shanghai') AS INT) * 100
               + CAST(EXTRACT(MONTH FROM l.occurred_at AT TIME ZONE 'Asia/Shanghai') AS INT),
           CAST(0 AS BIGINT), l.amount_fen
    FROM journal_leg l WHERE l.posted = TRUE
) sides
GROUP BY sides.fund_id, sides.account_id, sides.period;
