package org.mingzhang.api.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;

/** A document the federation issued about a project or a fund, as the public page links it: what it is and its PDF. */
@Schema(name = "PublicDocumentLink")
public record PublicDocumentLink(
        @Schema(example = "MZP-7K3M-Q9TZ-4H1D-8WXA") String number,
        @Schema(allowableValues = {"PLAN", "CLOSING_REPORT", "DISCLOSURE"}) String kind,
        @Schema(example = "社区基金项目计划书：天星社区道路硬化") String title,
        @Schema(description = "The day it was first issued (China Standard Time)", format = "date", example = "2026-05-02")
        String issuedOn,
        @Schema(description = "Where to fetch the PDF, without a token", example = "/api/v1/public/documents/MZP-7K3M-Q9TZ-4H1D-8WXA/pdf")
        String url) {
}
