package org.mingzhang.attribution;

/** What took money out of a project, as an attribution names it. */
public enum OutflowKind {
    /** A disbursement paid in cash or issued in goods (拨付). */
    PAYMENT,
    /** A management fee (管理费). */
    FEE,
    /** Leftover money returned to the fund's unrestricted money (结余退回). */
    LEFTOVER_RETURNED,
    /** Leftover money moved to another project (结余转出): its units reappear there. */
    LEFTOVER_MOVED,
    /** A refund of a gift, of what the project still held (退款): the refunded gift's own money first. */
    REFUND,
    /** Match money a refund sent back to the pool (配捐退回): the refunded gift's match share first. */
    MATCH_RETURNED,
    /** Anything else that lowered what the project holds (none is booked today; kept so that the sums always hold). */
    OTHER;

    /** The short Chinese label the public page shows for an outflow that is not a disbursement. */
    public String label() {
        return switch (this) {
            case PAYMENT -> "拨付";
            case FEE -> "管理费";
            case LEFTOVER_RETURNED -> "结余退回";
            case LEFTOVER_MOVED -> "结余转出";
            case REFUND -> "退款";
            case MATCH_RETURNED -> "配捐退回";
            case OTHER -> "其他支出";
        };
    }
}
