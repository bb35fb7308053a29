package org.mingzhang.api;

import static org.mingzhang.user.Role.ADMIN;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.journal.LedgerBusyException;

/** Test-only endpoints that fail the way production code could, to see what a client would get. */
@Controller("/api/v1/test-only")
class FailingController {

    @Get("/bug")
    @Allowed(ADMIN)
    String bug() {
        throw new IllegalStateException("java.lang.secret internals at org.mingzhang.Secret");
    }

    @Get("/busy")
    @Allowed(ADMIN)
    String busy() {
        throw new LedgerBusyException(20_000);
    }
}
