package org.mingzhang.api.disbursements;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.ProjectPlan;

/** A payment request against one budget line of a running project (拨付申请). */
@Schema(name = "DisbursementRequest")
public record DisbursementRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProjectPlan.LINE_LENGTH_MAX,
                description = "The item of a budget line of the plan in force, as written there", example = "路面硬化材料")
        String budgetItem,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Yuan, more than zero, at most two decimals",
                example = "12000.00") String amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Disbursement.PAYEE_LENGTH_MAX,
                example = "某建材有限公司") String payee,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Disbursement.PURPOSE_LENGTH_MAX,
                example = "水泥 40 吨") String purpose,
        @Schema(nullable = true, maxLength = Disbursement.INVOICE_NO_LENGTH_MAX, example = "No.04521879") String invoiceNo,
        @Schema(nullable = true, maxLength = Disbursement.ATTACHMENT_REF_LENGTH_MAX,
                description = "Where the supporting document is kept (a file name, a link)", example = "发票扫描件-0452.pdf")
        String attachmentRef,
        @Schema(nullable = true, allowableValues = {"CASH", "GOODS"}, defaultValue = "CASH",
                description = "CASH pays from the bank; GOODS issues goods the project holds in the fund's inventory to its "
                        + "purpose (物资发放, Dr 5101 / Cr 1201), at their valuation. Each draws only on what the project "
                        + "holds of it") String form) {
}
