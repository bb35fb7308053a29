package org.mingzhang.api.transparency;

import static org.mingzhang.user.Role.ACCOUNTANT;
import static org.mingzhang.user.Role.ADMIN;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.transparency.PublishedCheckpoint;
import org.mingzhang.transparency.TransparencyLog;

/** An accountant publishes a checkpoint of the log now (before a disclosure goes out, say). */
@Controller("/api/v1/ledger/checkpoints")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ledger")
public final class CheckpointsController {

    private final TransparencyLog log;

    public CheckpointsController(TransparencyLog log) {
        this.log = log;
    }

    @Post(produces = MediaType.TEXT_PLAIN)
    @Allowed({ADMIN, ACCOUNTANT})
    @Operation(operationId = "publishCheckpoint", summary = "Publish a signed checkpoint of the journal's log now",
            description = "Signs the RFC 6962 root of every committed transaction with the federation's key and keeps it; "
                    + "GET /api/v1/public/checkpoint serves it from then on, and gifts booked so far get their inclusion "
                    + "proofs. When the latest checkpoint covers the journal already, it is the answer (200) and nothing is "
                    + "written. Repeating the request is harmless, so it takes no Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "The new checkpoint's signed note",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The latest checkpoint covers every transaction already: its signed note",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string")))
    public HttpResponse<String> publish() {
        TransparencyLog.Published p = log.publish(PublishedCheckpoint.Reason.ON_DEMAND);
        return p.isNew() ? HttpResponse.created(p.checkpoint().note(), URI.create("/api/v1/public/checkpoint"))
                : HttpResponse.ok(p.checkpoint().note());
    }
}
