package org.mingzhang.project;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.user.Actor;

/** Ask to pay {@code amountFen} (in cash, or as goods issued) to a payee against one budget line of a running project. */
public record RequestDisbursement(Actor by, String projectCode, String budgetItem, long amountFen, String payee,
                                  String purpose, String invoiceNo, String attachmentRef, DisbursementForm form)
        implements LedgerCommand<Disbursement> {

    /** A payment in cash. */
    public RequestDisbursement(Actor by, String projectCode, String budgetItem, long amountFen, String payee, String purpose,
                               String invoiceNo, String attachmentRef) {
        this(by, projectCode, budgetItem, amountFen, payee, purpose, invoiceNo, attachmentRef, DisbursementForm.CASH);
    }

    public RequestDisbursement {
        java.util.Objects.requireNonNull(form, "a disbursement pays cash or issues goods");
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a disbursement moves a positive amount: " + amountFen);
        }
        requireText(budgetItem, "budget item", ProjectPlan.LINE_LENGTH_MAX, true);
        requireText(payee, "payee", Disbursement.PAYEE_LENGTH_MAX, true);
        requireText(purpose, "purpose", Disbursement.PURPOSE_LENGTH_MAX, true);
        requireText(invoiceNo, "invoice number", Disbursement.INVOICE_NO_LENGTH_MAX, false);
        requireText(attachmentRef, "attachment reference", Disbursement.ATTACHMENT_REF_LENGTH_MAX, false);
    }

    private static void requireText(String value, String name, int max, boolean required) {
        if (value == null && !required) {
            return;
        }
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " characters");
        }
    }
}
