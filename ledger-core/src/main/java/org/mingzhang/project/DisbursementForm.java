package org.mingzhang.project;

import org.mingzhang.account.ChartTemplate;

/**
 * What a disbursement hands over: cash from the bank, or goods the project holds in the fund's inventory, issued to
 * its purpose (物资发放). Each draws only on what the project holds of it.
 */
public enum DisbursementForm {
    CASH(ChartTemplate.BANK),
    GOODS(ChartTemplate.INVENTORY);

    private final String accountCode;

    DisbursementForm(String accountCode) {
        this.accountCode = accountCode;
    }

    /** The asset account the disbursement is credited to: 1002 bank deposits, or 1201 inventory. */
    public String accountCode() {
        return accountCode;
    }
}
