package org.mingzhang.api.transparency;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An RFC 6962 consistency proof between two sizes of the log. */
@Schema(name = "ConsistencyProof")
public record ConsistencyResponse(
        @Schema(example = "100") long from,
        @Schema(example = "120") long to,
        @ArraySchema(schema = @Schema(description = "A SHA-256 hash, base64", example = "pL4e7d0xw3rE8f1HVzq7bS0k1D3lYc2mN5uQ9aT6vXo="))
        List<String> proof) {
}
