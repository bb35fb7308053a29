package org.mingzhang.api;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.mingzhang.api.demo.DemoStartup;
import org.mingzhang.api.verify.VerifyCommand;

/**
 * Starts the Mingzhang HTTP service: the schema is migrated, the ledger's single writer claims the
 * database, and the API answers on {@code MINGZHANG_PORT} (8080). See API.md, "Running".
 */
@OpenAPIDefinition(
        info = @Info(
                title = "Mingzhang API",
                version = "1",
                description = """
                        明账: the ledger of Chinese community funds. Money is a JSON string in yuan with at most \
                        two decimals ("500.00"); times are ISO-8601 with an offset and are written in China \
                        Standard Time (+08:00). Every error is an RFC 9457 application/problem+json document. \
                        Requests that move money need an Idempotency-Key header: a repeat with the same key and \
                        body returns the original answer, the same key with another body is a 409.""",
                license = @License(name = "See the repository")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The server's admin token (MINGZHANG_ADMIN_TOKEN or <data dir>/admin-token) or a user's token "
                + "from POST /api/v1/users.")
public final class Application {

    static final String DEMO_FLAG = "--demo";

    private Application() {
    }

    /**
     * {@code --demo} loads a worked example into fresh books once the server answers (see {@link DemoStartup});
     * {@code verify <trace.json> <key>} checks a saved trace answer offline and exits, without starting the server.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(VerifyCommand.NAME)) {
            // Before Micronaut is built: the check reads its two inputs and touches no data directory or database.
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            System.exit(VerifyCommand.run(Arrays.asList(args).subList(1, args.length), out, err));
        }
        boolean demo = Arrays.asList(args).contains(DEMO_FLAG);
        // The flag is the service's own, not a configuration property: it is taken out before Micronaut reads the rest.
        String[] rest = Arrays.stream(args).filter(a -> !a.equals(DEMO_FLAG)).toArray(String[]::new);
        Micronaut.build(rest).properties(Map.of(DemoStartup.PROPERTY, demo)).mainClass(Application.class).banner(false)
                .start();
    }
}
