package org.mingzhang.journal;

/**
 * Why the ledger refused a command, listed in the order the checks run. A refused command writes nothing.
 */
public enum Rejection {
    IDEMPOTENCY_KEY_MUST_MATCH_CONTENT,
    FUND_CODE_MUST_BE_UNIQUE,
    PARENT_FUND_MUST_EXIST,
    FUND_LEVEL_MUST_FIT_PARENT,
    FUND_MUST_EXIST,
    ACCOUNT_MUST_EXIST,
    TRANSACTION_MUST_EXIST,
    TRANSACTION_MUST_BE_POSTED,
    TRANSACTION_MUST_NOT_BE_REVERSED_TWICE,
    TRANSACTION_MUST_BE_PENDING,
    PENDING_MUST_BE_OPEN,
    POST_MUST_NOT_EXCEED_PENDING,
    TRANSACTION_MUST_TOUCH_AT_MOST_TWO_FUNDS,
    TRANSACTION_MUST_BALANCE,
    TRANSACTION_MUST_MOVE_MONEY,
    TRANSACTION_MUST_NOT_BE_DATED_IN_THE_FUTURE,
    PERIOD_MUST_BE_OPEN,
    PERIOD_MUST_HAVE_ENDED,
    PERIOD_MUST_NOT_BE_CLOSED_ALREADY,
    ACCOUNT_MUST_NOT_GO_NEGATIVE,
    ACCOUNT_TOTAL_MUST_NOT_OVERFLOW,
    /** The books would hold more than LedgerLimits.BOOKED_FEN_MAX in all. */
    BOOKS_TOTAL_MUST_NOT_EXCEED_MAX,
    PROJECT_CODE_MUST_BE_UNIQUE,
    PROJECT_MUST_EXIST,
    PROJECT_BUDGET_MUST_MATCH_TARGET,
    PROJECT_STATE_MUST_ALLOW_TRANSITION,
    PROJECT_MUST_NOT_BE_APPROVED_BY_ITS_SUBMITTER,
    GIFT_PROJECT_MUST_BELONG_TO_FUND,
    PROJECT_MUST_BE_RAISING,
    GIFT_MUST_BE_RECEIVED_IN_WINDOW,
    GIFT_MUST_EXIST,
    GIFT_MUST_NOT_BE_REFUNDED_TWICE,
    POOL_CODE_MUST_BE_UNIQUE,
    POOL_MUST_EXIST,
    POOL_MUST_BE_OPEN,
    POOL_BUDGET_MUST_BE_COVERED,
    POOL_PROJECTS_MUST_HAVE_CLOSED_FUNDRAISING,
    PROJECT_STATE_MUST_ALLOW_ACTION,
    PROJECT_MUST_NOT_BE_ACCEPTED_BY_ITS_COMPLETER,
    PROJECT_GOAL_OUTCOMES_MUST_MATCH_GOALS,
    PROJECT_MUST_HAVE_NO_OPEN_DISBURSEMENTS,
    PROJECT_MATCH_MUST_BE_SETTLED,
    PROJECT_LEFTOVER_MUST_BE_DISPOSED,
    PROJECT_MUST_HAVE_LEFTOVER,
    LEFTOVER_TARGET_MUST_BE_ANOTHER_PROJECT_OF_THE_FUND,
    LEFTOVER_TARGET_MUST_BE_RUNNING,
    PLAN_CHANGE_MUST_EXIST,
    PLAN_CHANGE_MUST_BE_PROPOSED,
    PLAN_CHANGE_MUST_BE_THE_ONLY_OPEN_ONE,
    PLAN_CHANGE_MUST_KEEP_MATCHING_POOL,
    PLAN_CHANGE_MUST_KEEP_LINES_WITH_MONEY,
    PLAN_CHANGE_MUST_NOT_BE_APPROVED_BY_ITS_PROPOSER,
    DISBURSEMENT_MUST_EXIST,
    DISBURSEMENT_STATE_MUST_ALLOW_ACTION,
    DISBURSEMENT_MUST_NOT_BE_DECIDED_BY_ITS_REQUESTER,
    DISBURSEMENT_BUDGET_LINE_MUST_EXIST,
    DISBURSEMENT_MUST_FIT_BUDGET_LINE,
    PROJECT_MONEY_MUST_COVER_DISBURSEMENT,
    PROJECT_MONEY_MUST_COVER_REFUND,
    PROJECT_MUST_NOT_BE_ACCEPTED,
    TRANSACTION_MUST_BE_CHANGED_THROUGH_ITS_RECORD,
    NEED_MUST_EXIST,
    NEED_MUST_BE_OPEN,
    NEED_MUST_BELONG_TO_FUND,
    YEAR_MUST_HAVE_ENDED,
    YEAR_MUST_NOT_BE_CLOSED_TWICE,
    YEAR_MUST_CLOSE_IN_ORDER,
    YEAR_CLOSE_MUST_PRECEDE_PERIOD_CLOSE,
    /** Money of a year that has ended is spent, refunded or moved only once the year is closed (期末结转). */
    YEAR_MUST_BE_CLOSED_FIRST,
    PROJECT_GOODS_MUST_BE_ISSUED_FIRST,
    /** A manual entry may not touch restricted or designated money, nor a matching pool's fund: their records move them. */
    ACCOUNT_MUST_MOVE_THROUGH_ITS_RECORDS,
    /** A manual entry may not spend cash or goods that belong to a fund's projects. */
    FUND_MONEY_MUST_COVER_PROJECTS,
    /** A refund gives back at most what has not been refunded of the gift yet. */
    REFUND_MUST_NOT_EXCEED_GIFT,
    /** A payment to a donor pays at most what a refund left owed. */
    REFUND_OWED_MUST_COVER_PAYMENT,
    /** A management fee is charged only as far as the project's plan lets it and its money has not borne it yet. */
    PROJECT_FEE_MUST_BE_DUE,
    /** A management fee is borne by the project's restricted cash, which must hold it. */
    PROJECT_MONEY_MUST_COVER_FEE,
    /** A pool collects from a fund at most what the fund owes it for a project's match. */
    POOL_RECEIVABLE_MUST_BE_OWED,
    // The memorandum register of unvalued goods (备查簿), in the order its decider checks them.
    /** An issue draws on a goods register entry of the fund the request names. */
    GOODS_ENTRY_MUST_EXIST,
    /** Goods given for a project are given for a project of the fund whose register records them. */
    GOODS_PROJECT_MUST_BELONG_TO_FUND,
    /** Goods are handed out from the IN entry that received them, never from another issue. */
    GOODS_ISSUE_MUST_DRAW_ON_AN_IN_ENTRY,
    /** The register records what has happened: no entry is dated ahead of the ledger's clock. */
    GOODS_ENTRY_MUST_NOT_BE_DATED_IN_THE_FUTURE,
    /** Goods are handed out no earlier than they were received. */
    GOODS_ISSUE_MUST_NOT_PRECEDE_RECEIPT,
    /** An issue hands out at most what is left of the entry it draws on. */
    GOODS_ISSUE_MUST_NOT_EXCEED_REMAINING,
    /** One IN entry is handed out at most GoodsEntry.ISSUES_PER_ENTRY_MAX times. */
    GOODS_ISSUES_MUST_NOT_EXCEED_MAX
}
