package org.mingzhang.attribution;

import java.time.Instant;

/**
 * One use of money out of a project, as the public trace shows it: for a gift, the part of one outflow attributed to it
 * (its own money and its match share); for a project, the whole outflow.
 *
 * @param disbursementId the disbursement paid, for a {@link OutflowKind#PAYMENT}; else null
 * @param purpose the disbursement's purpose, or for another outflow a short Chinese label (管理费, 结余退回,
 *     结余转入 &lt;project&gt;, 退款, 配捐退回)
 * @param budgetItem the budget line a disbursement was paid against; else null
 * @param amountFen the use, {@code fromGiftFen + fromMatchFen}
 * @param toProjectId, toProjectCode where leftover moved to, for {@link OutflowKind#LEFTOVER_MOVED}; else null
 */
public record Use(Instant date, OutflowKind kind, long transactionId, long projectId, String projectCode, Long disbursementId,
                  String purpose, String budgetItem, long amountFen, long fromGiftFen, long fromMatchFen, Long toProjectId,
                  String toProjectCode) {

    public Use {
        if (Math.addExact(fromGiftFen, fromMatchFen) != amountFen) {
            throw new IllegalStateException("a use of " + amountFen + " fen is " + fromGiftFen + " from the gift and "
                    + fromMatchFen + " from the match");
        }
    }

    /** The purpose shown for an outflow that is not a disbursement. */
    public static String label(OutflowKind kind, String toProjectCode) {
        return kind == OutflowKind.LEFTOVER_MOVED ? "结余转入 " + toProjectCode : kind.label();
    }
}
