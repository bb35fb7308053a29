package org.mingzhang.reports;

import java.time.Instant;
import java.util.List;
import org.mingzhang.project.DisbursementForm;

/**
 * What a closing report (《社区基金项目结项报告》) shows: the project's figures ({@link ProjectReport}, which checks that
 * they tie), the rule its match applied, the payments made, and who approved, completed and accepted the project.
 *
 * @param matchRuleInWords the pool's rule in words, empty when the plan names no pool
 * @param payments the paid disbursements in the order they were paid
 * @param completed who recorded the closing results, and when; null until the project is completed
 * @param accepted the committee's acceptance (结项验收), or null until it is given
 */
public record ClosingDocument(ProjectReport report, List<String> matchRuleInWords, List<Payment> payments,
                              Decision approved, Decision completed, Decision accepted) {

    public ClosingDocument {
        matchRuleInWords = List.copyOf(matchRuleInWords);
        payments = List.copyOf(payments);
    }

    /**
     * A paid disbursement. The payee is not shown: the report is public through its QR code, and a payment to a person
     * shows its purpose, not the person.
     */
    public record Payment(long disbursementId, Instant paidAt, String budgetItem, String purpose, String invoiceNo,
                          DisbursementForm form, long amountFen) {
    }

    public long paymentsFen() {
        return payments.stream().mapToLong(Payment::amountFen).reduce(0, Math::addExact);
    }
}
