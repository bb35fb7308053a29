package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods given (捐物), valued at the gift's amount. */
@Schema(name = "InKind")
public record InKindResponse(
        @Schema(example = "冬季棉被") String description,
        @Schema(example = "50条") String quantity,
        @Schema(example = "发票价每条120元") String valuationBasis) {
}
