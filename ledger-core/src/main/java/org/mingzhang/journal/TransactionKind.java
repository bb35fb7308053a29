package org.mingzhang.journal;

/** Why a transaction was written. New kinds are added as the ledger learns new business. */
public enum TransactionKind {
    MANUAL, REVERSAL, TRANSFER, DONATION, MATCH, DISBURSEMENT, POOL_FUNDING,
    /** A project's leftover money returned to its fund or moved to another project. */
    LEFTOVER,
    /**
     * A restriction or designation lifted because the money was spent on its purpose (民间非营利组织会计制度): this year's
     * restricted income into unrestricted income, earlier years' restricted net assets into unrestricted net assets.
     */
    RELEASE,
    /** Money given back to a donor: what is still held goes back; what was spent is owed (a payable). */
    REFUND,
    /** 期末结转: at a year's end, income and expenses closed into restricted and unrestricted net assets. */
    YEAR_CLOSE,
    /** 管理费: a project's management fee, charged as its plan allows from its restricted money (Dr 5201 / Cr 1002). */
    FEE,
    /** A payable or receivable settled: what a refund left owed paid to the donor, what a fund owed a pool paid to it. */
    SETTLEMENT
}
