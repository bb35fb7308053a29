package org.mingzhang.journal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mingzhang.account.Account;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;

/** Short ways to say common things to a ledger in tests. Every fund code gets a per-fixture prefix. */
public final class LedgerFixture {

    public final Ledger ledger;
    public final String prefix;

    public LedgerFixture(Ledger ledger) {
        this(ledger, "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    }

    /** A fixture for a reopened ledger that names the same funds as an earlier one. */
    public LedgerFixture(Ledger ledger, String prefix) {
        this.ledger = ledger;
        this.prefix = prefix;
    }

    public String code(String name) {
        return prefix + "-" + name;
    }

    public Fund fund(String name) {
        return fund(name, FundLevel.CITY, null, false);
    }

    public Fund fund(String name, FundLevel level, String parentName, boolean guarded) {
        return ledger.execute(new CreateFund(code(name), "基金 " + name, level, parentName == null ? null : code(parentName),
                guarded)).value();
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    public Outcome<Transaction> post(String fundName, Instant occurredAt, PostingLine... lines) {
        return ledger.execute(new PostEntry(key(), "test", TransactionKind.MANUAL, code(fundName), "test entry", occurredAt,
                References.NONE, List.of(lines)));
    }

    public Outcome<Transaction> post(String fundName, PostingLine... lines) {
        return post(fundName, null, lines);
    }

    /** Money into the fund's bank account as unrestricted donation income. */
    public Transaction deposit(String fundName, long fen) {
        return post(fundName, PostingLine.debit("1002", fen), PostingLine.credit("410101", fen)).value();
    }

    public Account account(String fundName, String accountCode) {
        Fund fund = ledger.fund(code(fundName)).orElseThrow();
        return ledger.account(fund, accountCode).orElseThrow();
    }

    public long balance(String fundName, String accountCode) {
        return account(fundName, accountCode).balanceFen();
    }

    public long transactionCount() {
        return ledger.verify().transactions();
    }
}
