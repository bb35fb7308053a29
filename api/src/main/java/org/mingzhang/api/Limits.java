package org.mingzhang.api;

import org.mingzhang.journal.TransactionQuery;

/**
 * Every limit the edge checks, in one place, so that a client, the OpenAPI document and the checks
 * agree. Each is a compile-time constant because OpenAPI annotations quote them.
 */
public final class Limits {

    /** Lines in one manual journal entry. */
    public static final int POSTINGS_PER_TRANSACTION_MAX = 200;
    /** Lines a balanced entry needs at least: one debit and one credit. */
    public static final int POSTINGS_PER_TRANSACTION_MIN = 2;
    /** The journal's memo column holds 500 characters. */
    public static final int MEMO_CHARS_MAX = 500;
    /**
     * A reversal's memo is "冲销 reversal of #&lt;id&gt;: &lt;reason&gt;", written by the core into the same
     * 500-character column, so the reason must leave room for that prefix.
     */
    public static final int REASON_CHARS_MAX = 400;
    /** The journal keeps idempotency keys in a 200-character column. */
    public static final int IDEMPOTENCY_KEY_CHARS_MAX = 200;
    public static final int FUND_CODE_CHARS_MAX = 32;
    public static final int ACCOUNT_CODE_CHARS_MAX = 32;
    public static final int FUND_NAME_CHARS_MAX = 200;
    /** The journal records who wrote a transaction as "#&lt;id&gt; &lt;name&gt;" in a 100-character column. */
    public static final int USER_NAME_CHARS_MAX = 80;
    /** Items in one page of any list. */
    public static final int PAGE_ITEMS_MAX = TransactionQuery.LIMIT_MAX;
    public static final int PAGE_ITEMS_DEFAULT = 100;
    /** A bearer token longer than this is not one of ours; it is refused before it is hashed. */
    public static final int TOKEN_CHARS_MAX = 200;

    private Limits() {
    }
}
