package org.mingzhang.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A folder for one scenario's embedded H2 database, under the system's temporary folder, removed afterwards. */
final class ScratchFolder implements AutoCloseable {

    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    static ScratchFolder create(String name) {
        try {
            return new ScratchFolder(Files.createTempDirectory(name + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch folder for " + name, e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
