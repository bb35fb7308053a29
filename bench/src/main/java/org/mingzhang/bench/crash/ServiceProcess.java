package org.mingzhang.bench.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar as a user runs it ({@code java -jar api/target/mingzhang.jar}), in a child process whose output
 * goes to a log file. Killed with SIGKILL: no shutdown hook runs, nothing is flushed or closed.
 */
final class ServiceProcess {

    private static final Duration START_WAIT = Duration.ofSeconds(120);

    private final Path javaBin;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    ServiceProcess(Path java, Path jar, Map<String, String> environment, Path log, int port) {
        this.javaBin = java;
        this.jar = jar;
        this.environment = environment;
        this.log = log;
        this.port = port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the service without waiting for it. */
    void launch() throws IOException {
        Files.writeString(log, "\n=== start " + Instant.now() + " ===\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder b = new ProcessBuilder(javaBin.toString(), "-Xmx1g", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        b.environment().putAll(environment);
        b.environment().put("MINGZHANG_PORT", Integer.toString(port));
        process = b.start();
    }

    /**
     * Starts the service and waits until {@code GET /health} answers 200. Returns the milliseconds that took, or
     * throws with the end of the log when it exits or takes longer than {@link #START_WAIT}.
     */
    long start(Http http) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        launch();
        long deadline = begin + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            if (http.get("/health", null).status() == 200) {
                return (System.nanoTime() - begin) / 1_000_000;
            }
            Thread.sleep(50);
        }
        kill();
        throw new IllegalStateException("the service did not answer /health within " + START_WAIT.toSeconds() + " s:\n" + tail());
    }

    /** SIGKILL, then waits for the process to be gone. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.toHandle().destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the service survived SIGKILL for 30 s");
            }
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The last lines of the service's log, for a failure's message. */
    String tail() {
        try {
            String all = Files.readString(log, StandardCharsets.UTF_8);
            return all.substring(Math.max(0, all.length() - 4_000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
