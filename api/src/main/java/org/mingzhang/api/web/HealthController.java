package org.mingzhang.api.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Liveness for load balancers and scripts. The database and the ledger are opened before the server
 * accepts connections, so answering at all means the service is ready.
 */
@Controller("/health")
@Tag(name = "Service")
public final class HealthController {

    /** The service's state. */
    @Schema(name = "Health")
    public record Health(@Schema(example = "UP") String status) {
    }

    private static final Health UP = new Health("UP");

    @Get
    @SecurityRequirements
    @Operation(operationId = "health", summary = "200 once the service serves; no token needed")
    public Health health() {
        return UP;
    }
}
