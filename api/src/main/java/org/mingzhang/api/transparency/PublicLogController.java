package org.mingzhang.api.transparency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.transparency.TransparencyLog;

/**
 * The transparency log for anyone, without a token: the latest signed checkpoint, the key that verifies it, and proofs
 * that a later tree extends an earlier one. With these a donor, an auditor or a journalist checks that a gift is in the
 * books the federation signed, and that the books were only ever added to (docs/reference/verifying-a-trace.md).
 */
@Controller("/api/v1/public")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Public")
@SecurityRequirements
public final class PublicLogController {

    private final TransparencyLog log;

    public PublicLogController(TransparencyLog log) {
        this.log = log;
    }

    @Get(value = "/checkpoint", produces = MediaType.TEXT_PLAIN)
    @Operation(operationId = "getCheckpoint", summary = "The latest checkpoint of the journal's log, signed",
            description = "A C2SP tlog-checkpoint (origin line, tree size, base64 RFC 6962 root hash) in a C2SP signed note, "
                    + "signed with the federation's Ed25519 key (GET /api/v1/public/key). One leaf per journal transaction in id "
                    + "order, the leaf's data being the transaction's 32-byte chain hash.")
    @ApiResponse(responseCode = "200", description = "The signed note",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string",
                    example = "mingzhang.example.org\n120\nq1uQ7ZlVAfTZrKvL9WZ3x5lLJKeDkVDbTP5xZ3kq0cM=\n\n"
                            + "— mingzhang.example.org Az3grlgt…\n")))
    @ApiResponse(responseCode = "404", description = "No checkpoint has been published yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String checkpoint() {
        return log.latest().orElseThrow(() -> Problems.notFound("checkpoint-must-exist",
                "no checkpoint has been published yet: one is published daily while the journal grows, at each period "
                        + "close and when an accountant asks (POST /api/v1/ledger/checkpoints)")).note();
    }

    @Get(value = "/key", produces = MediaType.TEXT_PLAIN)
    @Operation(operationId = "getLogKey", summary = "The key that verifies the log's checkpoints",
            description = "The signed-note verifier key: <name>+<8 hex digits of the key id>+<base64(0x01 ‖ 32-byte Ed25519 "
                    + "public key)>, the key id being the first 4 bytes of SHA-256(name ‖ \"\\n\" ‖ 0x01 ‖ public key). Compare it "
                    + "with the one the federation publishes elsewhere (its notice board, its documents) before trusting it.")
    @ApiResponse(responseCode = "200", description = "The verifier key, one line",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string",
                    example = "mingzhang.example.org+4fd1a2b3+AR9kRWQ6w1B9gN3V0cZl3R8y2bS2a1fH3q9xJ0uXJ1p4\n")))
    public String key() {
        return log.verifierKey() + "\n";
    }

    @Get("/checkpoint/consistency")
    @Operation(operationId = "getConsistencyProof", summary = "That the log of `to` leaves extends the log of `from`",
            description = "An RFC 6962 consistency proof (RFC 9162, 2.1.4) between two tree sizes, each at most the log's "
                    + "size: check it against the root hashes of two checkpoints you hold.")
    @ApiResponse(responseCode = "200", description = "The proof",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsistencyResponse.class)))
    @ApiResponse(responseCode = "400", description = "from or to is missing, negative, out of order or beyond the log",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConsistencyResponse consistency(
            @Nullable @QueryValue @Parameter(description = "The smaller tree size", example = "100") String from,
            @Nullable @QueryValue @Parameter(description = "The larger tree size", example = "120") String to) {
        long m = size("from", from);
        long n = size("to", to);
        long size = log.size();
        if (m > n) {
            throw Problems.invalid("from", "must not be more than to (" + n + "): " + m);
        }
        if (n > size) {
            throw Problems.invalid("to", "must be at most the log's size, " + size + ": " + n);
        }
        return new ConsistencyResponse(m, n, log.consistency(m, n).stream().map(h -> Base64.getEncoder().encodeToString(h)).toList());
    }

    private static long size(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, "is required: a tree size, 0 or more");
        }
        if (!value.matches("0|[1-9][0-9]{0,17}")) {
            throw Problems.invalid(field, "must be a tree size, a whole number 0 or more: " + value);
        }
        return Long.parseLong(value);
    }
}
