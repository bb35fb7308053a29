package org.mingzhang.project;

/** A disbursement to store: added when requested, updated at each later step. */
public record DisbursementSaved(Disbursement disbursement, boolean created) {
}
