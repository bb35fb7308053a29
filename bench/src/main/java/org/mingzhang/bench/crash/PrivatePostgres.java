package org.mingzhang.bench.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the harness's own: a cluster made with {@code initdb} in a folder of the run, on a port of
 * its own, with the settings a production server keeps ({@code fsync} and {@code synchronous_commit} on). Faults are
 * done to it and to nothing else: restarted, paused with SIGSTOP and resumed with SIGCONT, stopped so that it refuses
 * connections. Run as the {@code postgres} user when the harness runs as root (PostgreSQL refuses root).
 */
final class PrivatePostgres {

    private final Path bin;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final boolean asRoot;

    private PrivatePostgres(Path bin, Path dataDir, Path log, int port, boolean asRoot) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** Finds the newest installed server (or the one {@code binDir} names), makes a cluster in {@code dir} and starts it. */
    static PrivatePostgres create(Path dir, int port, String binDir) throws IOException, InterruptedException {
        Path bin = binDir != null ? Path.of(binDir) : findBin().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: apt-get install postgresql, or pass --pg-bin"));
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        Files.createDirectories(dir);
        Path data = dir.resolve("pgdata");
        Path log = dir.resolve("postgresql.log");
        if (asRoot) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        PrivatePostgres pg = new PrivatePostgres(bin, data, log, port, asRoot);
        pg.pgRun(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--locale=C", "--no-sync"));
        // Production settings where durability is concerned, whatever this distribution's defaults are.
        Files.writeString(data.resolve("postgresql.conf"), """

                # mingzhang crash harness
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                fsync = on
                synchronous_commit = on
                full_page_writes = on
                max_connections = 60
                """.formatted(port, data), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        pg.start();
        return pg;
    }

    private static Optional<Path> findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max((a, b) -> Integer.compare(version(a), version(b)));
        }
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String version() throws IOException, InterruptedException {
        return run(List.of(bin.resolve("postgres").toString(), "--version")).trim();
    }

    void createDatabase(String name) throws IOException, InterruptedException {
        pgRun(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", name));
    }

    void start() throws IOException, InterruptedException {
        pgRun(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(), "-w", "-t", "60", "start"));
    }

    /** A fast shutdown: every session is ended, open transactions roll back, committed ones are on disk. */
    void stop() throws IOException, InterruptedException {
        pgRun(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
    }

    void restart() throws IOException, InterruptedException {
        pgRun(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(), "-m", "fast", "-w",
                "-t", "60", "restart"));
    }

    /** SIGSTOP to the server and every process of it: connections stay open, nothing answers. */
    void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(postmaster)));
        ProcessHandle.of(postmaster).orElseThrow(() -> new IllegalStateException("no PostgreSQL server process " + postmaster))
                .descendants().forEach(p -> command.add(Long.toString(p.pid())));
        run(command);
    }

    /** Stops the server for good and removes nothing (its folder stays for a look after a failed run). */
    void close() {
        try {
            resume();
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // Not paused, or not running.
        }
        try {
            stop();
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // Already stopped.
        }
    }

    private void pgRun(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n" + out);
        }
        return out;
    }
}
