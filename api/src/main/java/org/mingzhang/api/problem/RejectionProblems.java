package org.mingzhang.api.problem;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;

/**
 * The one table from the ledger's refusals to HTTP: a status and a stable problem type per
 * {@link Rejection}. The switch has no default, so a new rejection in the core does not compile here
 * until someone decides its status.
 */
public final class RejectionProblems {

    private RejectionProblems() {
    }

    /**
     * @param pathFields the rejection fields that the request carried in its path; a "must exist" refusal
     *                   about one of them is a 404 (the resource in the URL is unknown), otherwise a 422
     */
    public static int status(Rejection rejection, String field, Set<String> pathFields) {
        boolean aboutPath = field != null && pathFields.contains(field);
        return switch (rejection) {
            // Conflicts: the key was used for other content, or the subject is no longer in the right state.
            case IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, FUND_CODE_MUST_BE_UNIQUE, TRANSACTION_MUST_NOT_BE_REVERSED_TWICE,
                 PENDING_MUST_BE_OPEN, PROJECT_CODE_MUST_BE_UNIQUE, PROJECT_STATE_MUST_ALLOW_TRANSITION,
                 GIFT_MUST_NOT_BE_REFUNDED_TWICE, POOL_CODE_MUST_BE_UNIQUE, POOL_MUST_BE_OPEN,
                 POOL_PROJECTS_MUST_HAVE_CLOSED_FUNDRAISING, PROJECT_STATE_MUST_ALLOW_ACTION,
                 PROJECT_MUST_HAVE_NO_OPEN_DISBURSEMENTS, PROJECT_MATCH_MUST_BE_SETTLED, PROJECT_LEFTOVER_MUST_BE_DISPOSED,
                 PROJECT_MUST_HAVE_LEFTOVER, LEFTOVER_TARGET_MUST_BE_RUNNING, PLAN_CHANGE_MUST_BE_PROPOSED,
                 PLAN_CHANGE_MUST_BE_THE_ONLY_OPEN_ONE, DISBURSEMENT_STATE_MUST_ALLOW_ACTION, PROJECT_MUST_NOT_BE_ACCEPTED,
                 NEED_MUST_BE_OPEN, TRANSACTION_MUST_BE_CHANGED_THROUGH_ITS_RECORD, YEAR_MUST_NOT_BE_CLOSED_TWICE -> 409;
            // Nobody approves their own submission, request or change, whatever roles they hold.
            case PROJECT_MUST_NOT_BE_APPROVED_BY_ITS_SUBMITTER, PROJECT_MUST_NOT_BE_ACCEPTED_BY_ITS_COMPLETER,
                 PLAN_CHANGE_MUST_NOT_BE_APPROVED_BY_ITS_PROPOSER, DISBURSEMENT_MUST_NOT_BE_DECIDED_BY_ITS_REQUESTER -> 403;
            // The thing named in the URL does not exist.
            case TRANSACTION_MUST_EXIST, FUND_MUST_EXIST, ACCOUNT_MUST_EXIST, PROJECT_MUST_EXIST, GIFT_MUST_EXIST, POOL_MUST_EXIST,
                 PLAN_CHANGE_MUST_EXIST, DISBURSEMENT_MUST_EXIST, NEED_MUST_EXIST ->
                    aboutPath ? 404 : 422;
            // Business rules that refuse a well-formed request.
            case PARENT_FUND_MUST_EXIST, FUND_LEVEL_MUST_FIT_PARENT, TRANSACTION_MUST_BE_POSTED,
                 POST_MUST_NOT_EXCEED_PENDING, TRANSACTION_MUST_TOUCH_AT_MOST_TWO_FUNDS, TRANSACTION_MUST_BALANCE,
                 TRANSACTION_MUST_MOVE_MONEY, TRANSACTION_MUST_BE_PENDING, TRANSACTION_MUST_NOT_BE_DATED_IN_THE_FUTURE,
                 PERIOD_MUST_BE_OPEN, PERIOD_MUST_HAVE_ENDED,
                 PERIOD_MUST_NOT_BE_CLOSED_ALREADY, ACCOUNT_MUST_NOT_GO_NEGATIVE, ACCOUNT_TOTAL_MUST_NOT_OVERFLOW,
                 BOOKS_TOTAL_MUST_NOT_EXCEED_MAX, PROJECT_BUDGET_MUST_MATCH_TARGET, GIFT_PROJECT_MUST_BELONG_TO_FUND, PROJECT_MUST_BE_RAISING,
                 GIFT_MUST_BE_RECEIVED_IN_WINDOW, POOL_BUDGET_MUST_BE_COVERED, PROJECT_GOAL_OUTCOMES_MUST_MATCH_GOALS,
                 LEFTOVER_TARGET_MUST_BE_ANOTHER_PROJECT_OF_THE_FUND, PLAN_CHANGE_MUST_KEEP_MATCHING_POOL,
                 PLAN_CHANGE_MUST_KEEP_LINES_WITH_MONEY, DISBURSEMENT_BUDGET_LINE_MUST_EXIST, DISBURSEMENT_MUST_FIT_BUDGET_LINE,
                 PROJECT_MONEY_MUST_COVER_DISBURSEMENT, PROJECT_MONEY_MUST_COVER_REFUND, NEED_MUST_BELONG_TO_FUND,
                 YEAR_MUST_HAVE_ENDED, YEAR_MUST_CLOSE_IN_ORDER, YEAR_CLOSE_MUST_PRECEDE_PERIOD_CLOSE, YEAR_MUST_BE_CLOSED_FIRST,
                 PROJECT_GOODS_MUST_BE_ISSUED_FIRST, ACCOUNT_MUST_MOVE_THROUGH_ITS_RECORDS, FUND_MONEY_MUST_COVER_PROJECTS,
                 REFUND_MUST_NOT_EXCEED_GIFT, REFUND_OWED_MUST_COVER_PAYMENT, PROJECT_FEE_MUST_BE_DUE,
                 PROJECT_MONEY_MUST_COVER_FEE, POOL_RECEIVABLE_MUST_BE_OWED -> 422;
            // The memorandum register of unvalued goods (备查簿): the entry named in the URL is not the fund's, or a rule
            // of the register refuses the entry.
            case GOODS_ENTRY_MUST_EXIST -> aboutPath ? 404 : 422;
            case GOODS_PROJECT_MUST_BELONG_TO_FUND, GOODS_ISSUE_MUST_DRAW_ON_AN_IN_ENTRY,
                 GOODS_ENTRY_MUST_NOT_BE_DATED_IN_THE_FUTURE, GOODS_ISSUE_MUST_NOT_PRECEDE_RECEIPT,
                 GOODS_ISSUE_MUST_NOT_EXCEED_REMAINING, GOODS_ISSUES_MUST_NOT_EXCEED_MAX -> 422;
        };
    }

    /** {@code TRANSACTION_MUST_BALANCE} → {@code https://mingzhang.org/problems/transaction-must-balance}. */
    public static String type(Rejection rejection) {
        return Problem.TYPE_BASE + rejection.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code TRANSACTION_MUST_BALANCE} → "Transaction must balance". */
    public static String title(Rejection rejection) {
        String words = rejection.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static ProblemException of(Outcome.Rejected<?> rejected, Set<String> pathFields) {
        String field = rejected.field();
        int status = status(rejected.rejection(), field, pathFields);
        List<FieldError> errors = field == null || pathFields.contains(field)
                ? null : List.of(new FieldError(field, rejected.detail()));
        return new ProblemException(new Problem(type(rejected.rejection()), title(rejected.rejection()), status,
                rejected.detail(), errors));
    }
}
