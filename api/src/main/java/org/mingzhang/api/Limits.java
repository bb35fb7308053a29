package org.mingzhang.api;

import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.journal.TransactionQuery;

/**
 * Every limit the edge checks, in one place, so that a client, the OpenAPI document and the checks
 * agree; the ledger's own limits come from {@link LedgerLimits}, which the core asserts again. Each is a
 * compile-time constant because OpenAPI annotations quote them.
 */
public final class Limits {

    /** Lines in one manual journal entry. */
    public static final int POSTINGS_PER_TRANSACTION_MAX = LedgerLimits.POSTINGS_PER_TRANSACTION_MAX;
    /** Lines a balanced entry needs at least: one debit and one credit. */
    public static final int POSTINGS_PER_TRANSACTION_MIN = 2;
    public static final int MEMO_CHARS_MAX = LedgerLimits.MEMO_LENGTH_MAX;
    public static final int REASON_CHARS_MAX = LedgerLimits.REASON_LENGTH_MAX;
    public static final int IDEMPOTENCY_KEY_CHARS_MAX = LedgerLimits.IDEMPOTENCY_KEY_LENGTH_MAX;
    public static final int FUND_CODE_CHARS_MAX = LedgerLimits.CODE_LENGTH_MAX;
    public static final int ACCOUNT_CODE_CHARS_MAX = LedgerLimits.CODE_LENGTH_MAX;
    public static final int FUND_NAME_CHARS_MAX = LedgerLimits.NAME_LENGTH_MAX;
    /** The journal records who wrote a transaction as "#&lt;id&gt; &lt;name&gt;" in {@link LedgerLimits#RECORDED_BY_LENGTH_MAX} characters. */
    public static final int USER_NAME_CHARS_MAX = 80;
    /** Items in one page of any list. */
    public static final int PAGE_ITEMS_MAX = TransactionQuery.LIMIT_MAX;
    public static final int PAGE_ITEMS_DEFAULT = 100;
    /** A bearer token longer than this is not one of ours; it is refused before it is hashed. */
    public static final int TOKEN_CHARS_MAX = 200;

    private Limits() {
    }
}
