package org.mingzhang.api.trace;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.api.disclosure.PublicDocumentLink;

/**
 * What a donor learns by the trace code on their receipt (API.md, "Public"): the gift, its share of the match, where the
 * money went to the fen, what is still unspent, the project and its documents, and the proof that the gift is in the
 * books the federation signed. No phone, ID number, address or payee is ever in it; the donor is named as the public
 * reads names (爱心人士, 张*明, or the name the donor agreed to show).
 */
@Schema(name = "Trace")
public record TraceResponse(
        @Schema(example = "7K2M-9QXD-4HTA") String traceCode,
        TraceDonation donation,
        TraceMatch match,
        @Schema(description = "The project's payments and other outflows attributed to this gift and its match share, in "
                + "proportion to what each gift put in (docs/reference/attribution.md), oldest first") List<TraceUse> uses,
        @Schema(description = "What of the gift and its match share is not spent yet", example = "2400.00") String unspent,
        @Nullable @Schema(nullable = true, example = "IN_PROGRESS", description = "The project's status; null for a gift to a fund")
        String projectStatus,
        @Schema(description = "A project in progress with no payment, report or change for 90 days") boolean projectStale,
        @Schema(description = "The documents issued about the project, newest first") List<PublicDocumentLink> documents,
        TraceProof proof) {
}
