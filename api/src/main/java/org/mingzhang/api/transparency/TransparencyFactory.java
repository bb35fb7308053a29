package org.mingzhang.api.transparency;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import java.time.Clock;
import org.mingzhang.api.ServerSettings;
import org.mingzhang.store.Database;
import org.mingzhang.transparency.TransparencyLog;

/** The transparency log on the service's database, signed with the federation's log key. */
@Factory
final class TransparencyFactory {

    /** Made at start ({@link Context}): a broken key is said at once, and the verifier key is in the log from the first line. */
    @Context
    TransparencyLog transparencyLog(Database database, ServerSettings settings,
                                    @Value("${mingzhang.log.signer-key:}") String signerKey,
                                    @Value("${mingzhang.public-url:}") String publicUrl,
                                    @Value("${micronaut.server.port:8080}") int port) {
        String address = publicUrl == null || publicUrl.isBlank() ? "http://localhost:" + port : publicUrl.strip();
        return new TransparencyLog(database.logStore(), LogKey.load(signerKey, settings.dataDir(), address), Clock.systemUTC());
    }
}
