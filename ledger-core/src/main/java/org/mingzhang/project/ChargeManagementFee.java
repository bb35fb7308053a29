package org.mingzhang.project;

import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/**
 * Charge a project the management fee (管理费) its plan allows and it has not borne yet: the plan's rate on what the
 * project raised (restricted gifts, less refunds), less the fees charged before.
 */
public record ChargeManagementFee(String idempotencyKey, Actor by, String code) implements LedgerCommand<FeeCharge> {

    public ChargeManagementFee {
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireCode(code);
    }

    @Override
    public String requestHash() {
        return new Canonical().add("ChargeManagementFee").add(code).sha256();
    }
}
