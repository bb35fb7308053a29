package org.mingzhang.api.documents;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the public learns of an issued document by its number (API.md, "Reports"): what it is, the books it shows, its
 * SHA-256 and where to fetch the same PDF; and whether it still shows what the books say.
 */
@Schema(name = "PublicDocument")
public record PublicDocumentResponse(
        @Schema(example = "MZC-7K3M-Q9TZ-4H1D-8WXA") String number,
        @Schema(allowableValues = {"PLAN", "CLOSING_REPORT", "DISCLOSURE"}) String kind,
        @Schema(example = "社区基金项目结项报告：幸福里小区楼道照明改造") String title,
        @Nullable @Schema(description = "The project, for a plan or a closing report", nullable = true) String projectCode,
        @Schema(description = "The fund the document is about (the project's fund for a plan or a closing report)") String fundCode,
        @Nullable @Schema(description = "The first day of a disclosure's period", nullable = true, format = "date") String from,
        @Nullable @Schema(description = "The last day of a disclosure's period", nullable = true, format = "date") String to,
        @Nullable @Schema(description = "When the data the document shows ended (the latest change it reflects)", nullable = true,
                format = "date-time") String dataAsOf,
        @Schema(description = "The journal transaction the document was built at (0 for empty books)") long chainHeadId,
        @Schema(description = "That transaction's chain hash (hex)") String chainHeadHash,
        @Schema(description = "SHA-256 (hex) of the PDF's bytes: compare with the copy in hand") String sha256,
        @Schema(description = "Where to fetch the same PDF") String pdf,
        @Nullable @Schema(description = "Whether the books still say what the document shows (its subject gathered now has "
                + "the same content); null when the subject can no longer have the document", nullable = true) Boolean current) {
}
