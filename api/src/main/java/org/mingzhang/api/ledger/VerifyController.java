package org.mingzhang.api.ledger;

import static org.mingzhang.user.Role.ACCOUNTANT;
import static org.mingzhang.user.Role.ADMIN;
import static org.mingzhang.user.Role.AUDITOR;
import static org.mingzhang.user.Role.COMMITTEE;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mingzhang.api.auth.Allowed;
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
            description = "Reads every transaction in order; ok is false and firstBrokenTransactionId names the first "
                    + "transaction whose stored hash or link does not match.")
    public VerifyResponse verify() {
        ChainVerification v = ledger.verify();
        return new VerifyResponse(v.ok(), v.transactions(), v.headHash(), v.firstBrokenTransactionId());
    }
}
