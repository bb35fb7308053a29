package org.mingzhang.project;

/** Where a payment request stands: requested, approved (money reserved), paid; or refused, or withdrawn. */
public enum DisbursementStatus {
    PENDING, APPROVED, REJECTED, PAID, CANCELLED;

    /** Whether it still waits for a decision or a payment. */
    public boolean open() {
        return this == PENDING || this == APPROVED;
    }
}
