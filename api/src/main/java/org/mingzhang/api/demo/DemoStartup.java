package org.mingzhang.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.mingzhang.api.ServerSettings;
import org.mingzhang.api.auth.AdminToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DemoLoader} once the server answers, when the service was started with {@code --demo} (which
 * {@code Application} turns into {@code mingzhang.demo=true}). The load runs on its own thread, so that the server
 * serves meanwhile; whatever happens to the load, the service keeps running.
 */
@Singleton
@Requires(property = DemoStartup.PROPERTY, value = "true")
public final class DemoStartup implements ApplicationEventListener<ServerStartupEvent> {

    /** Set by {@code Application.main} when the command line holds {@code --demo}. */
    public static final String PROPERTY = "mingzhang.demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoStartup.class);

    private final ServerSettings settings;
    private final AdminToken adminToken;

    public DemoStartup(ServerSettings settings, AdminToken adminToken) {
        this.settings = settings;
        this.adminToken = adminToken;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        // The server listens on every address it was bound to; the loop-back one always reaches it.
        URI base = URI.create("http://127.0.0.1:" + event.getSource().getPort());
        Thread loader = new Thread(() -> load(base), "mingzhang-demo");
        loader.setDaemon(true);
        loader.start();
    }

    private void load(URI base) {
        String token = token();
        if (token == null) {
            return;
        }
        try {
            new DemoLoader(base, token, Instant.now()).load();
        } catch (DemoRefusal refused) {
            LOG.error("--demo: stopped loading the worked county; what was loaded before stays (start again on an empty data "
                    + "directory to load it whole). {}", refused.getMessage());
        } catch (RuntimeException e) {
            LOG.error("--demo: stopped loading the worked county on an unexpected error", e);
        }
    }

    /**
     * The admin token as the server holds it: the configured one, or the one it generated into its data directory.
     * {@link AdminToken} keeps only the token's hash, so the generated one is read back from its file and checked
     * against the bean before use.
     */
    private String token() {
        String token = settings.adminToken();
        if (token.isEmpty()) {
            Path file = settings.dataDir().resolve(AdminToken.FILE_NAME);
            try {
                token = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                LOG.error("--demo: cannot read the admin token from {} ({}); the demo loads nothing", file, e.getMessage());
                return null;
            }
        }
        if (!adminToken.matches(token)) {
            LOG.error("--demo: the admin token found is not the server's; the demo loads nothing");
            return null;
        }
        return token;
    }
}
