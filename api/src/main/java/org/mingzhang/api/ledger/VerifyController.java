package org.mingzhang.api.ledger;

import static org.mingzhang.user.Role.ACCOUNTANT;
import static org.mingzhang.user.Role.ADMIN;
import static org.mingzhang.user.Role.AUDITOR;
import static org.mingzhang.user.Role.COMMITTEE;

import io.micronaut.core.annotation.Nullable;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.journal.ChainVerification;
import org.mingzhang.journal.Ledger;

/** Anyone on the staff can check that nobody rewrote the journal. */
@Controller("/api/v1/ledger/verify")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ledger")
public final class VerifyController {

    private final Ledger ledger;

    public VerifyController(Ledger ledger) {
        this.ledger = ledger;
    }

    @Get
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "verifyJournal", summary = "Recompute the journal's hash chain",
            description = "By default starts from the last checkpoint of the chain (one every 1,000 transactions): checks "
                    + "its hash against its transaction's stored row, then rehashes every transaction after it. With "
                    + "full=true, for auditors, rehashes every transaction from the first and checks that every "
                    + "checkpoint agrees with the recomputed chain. ok is false when something does not match: "
                    + "firstBrokenTransactionId names the first transaction whose stored hash or link does not match, "
                    + "firstBrokenCheckpointId the first checkpoint that disagrees.")
    @ApiResponse(responseCode = "400", description = "full is neither true nor false",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerifyResponse verify(@Nullable @QueryValue @Parameter(description = "Rehash the whole journal from its first "
            + "transaction and check every checkpoint", schema = @Schema(type = "boolean", defaultValue = "false"))
                                 String full) {
        ChainVerification v = ledger.verify(flag(full));
        return new VerifyResponse(v.ok(), v.transactions(), v.headHash(), v.firstBrokenTransactionId(), v.full(),
                v.fromTransactionId(), v.transactionsRehashed(), v.checkpoints(), v.firstBrokenCheckpointId());
    }

    /** A strict boolean: a mistyped "ture" must not quietly give the quick check to an auditor who asked for the full one. */
    private static boolean flag(String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw Problems.invalid("full", "must be true or false: " + text);
    }
}
