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
import java.time.Instant;
import java.util.List;
import org.mingzhang.account.Account;
import org.mingzhang.account.TrialBalance;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.funds.FundsController;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Ledger;
import org.mingzhang.money.Money;

/** A fund's chart of accounts, balances and trial balances. */
@Controller("/api/v1/ledger")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ledger")
public final class AccountsController {

    private static final String AS_OF = "A time with an offset, or a date (its last instant in China Standard Time); default now";

    private final Ledger ledger;

    public AccountsController(Ledger ledger) {
        this.ledger = ledger;
    }

    @Get("/funds/{code}/accounts")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listAccounts", summary = "The fund's chart of accounts with current balances")
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccountsResponse accounts(String code) {
        Fund fund = FundsController.find(ledger, code);
        List<AccountResponse> items = ledger.accounts(fund).stream()
                .map(a -> new AccountResponse(a.code(), a.name(), a.type(), a.restricted(), a.mustNotGoNegative(),
                        Money.format(a.balanceFen()), Money.format(a.availableFen())))
                .toList();
        return new AccountsResponse(items);
    }

    @Get("/funds/{code}/accounts/{accountCode}/balance")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getAccountBalance", summary = "One account's balance as of a time",
            description = "In the account's normal direction, over the transactions whose occurredAt is at or before asOf.")
    @ApiResponse(responseCode = "404", description = "No such fund or account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccountBalanceResponse balance(String code, String accountCode,
                                          @Nullable @QueryValue @Parameter(description = AS_OF) String asOf) {
        Fund fund = FundsController.find(ledger, code);
        Instant at = asOf(asOf);
        Account account = ledger.account(fund, accountCode).orElseThrow(() ->
                Problems.notFound("account-must-exist", "fund " + code + " has no account " + accountCode));
        return new AccountBalanceResponse(fund.code(), account.code(), Money.format(ledger.balanceFen(account, at)),
                Times.format(at));
    }

    @Get("/funds/{code}/trial-balance")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getTrialBalance", summary = "The fund's trial balance; totals are always equal")
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrialBalanceResponse trialBalance(String code,
                                             @Nullable @QueryValue @Parameter(description = AS_OF) String asOf,
                                             @Nullable @QueryValue @Parameter(description = "Include every fund below this one",
                                                     schema = @Schema(type = "boolean", defaultValue = "false"))
                                             String consolidated) {
        Fund fund = FundsController.find(ledger, code);
        Instant at = asOf(asOf);
        boolean all = flag(consolidated, "consolidated");
        return response(fund.code(), at, all, ledger.trialBalance(fund, at, all));
    }

    @Get("/trial-balance")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getTrialBalanceOfAll", summary = "The trial balance of every fund together")
    public TrialBalanceResponse trialBalanceOfAll(@Nullable @QueryValue @Parameter(description = AS_OF) String asOf) {
        Instant at = asOf(asOf);
        return response(null, at, true, ledger.trialBalanceOfAll(at));
    }

    /**
     * A strict boolean: Micronaut would read "maybe" as absent, and a trial balance that silently leaves
     * out the funds below is a wrong answer, not a default.
     */
    private static boolean flag(String text, String field) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw Problems.invalid(field, "must be true or false: " + text);
    }

    /**
     * The instant asked for, or now. "Now" is passed to the ledger as an instant rather than as "current
     * totals", because API.md defines the default as the transactions dated at or before now, and the
     * core accepts entries dated in the future, which current totals would include.
     */
    private static Instant asOf(String text) {
        Input input = new Input();
        Instant at = Times.parseTimeOrDate(text, "asOf", true, input);
        input.validate();
        return at == null ? Times.now() : at;
    }

    private static TrialBalanceResponse response(String fundCode, Instant asOf, boolean consolidated, TrialBalance tb) {
        List<TrialBalanceLineResponse> lines = tb.lines().stream()
                .map(l -> new TrialBalanceLineResponse(l.accountCode(), l.name(), l.type(), Money.format(l.debitFen()),
                        Money.format(l.creditFen())))
                .toList();
        return new TrialBalanceResponse(fundCode, Times.format(asOf), consolidated, lines,
                Money.format(tb.totalDebitFen()), Money.format(tb.totalCreditFen()));
    }
}
