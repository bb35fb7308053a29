package org.mingzhang.journal;

/** Why a transaction was written. New kinds are added as the ledger learns new business. */
public enum TransactionKind {
    MANUAL, REVERSAL, TRANSFER, DONATION, MATCH, DISBURSEMENT, POOL_FUNDING,
    /** A project's leftover money returned to its fund or moved to another project. */
    LEFTOVER
}
