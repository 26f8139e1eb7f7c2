package dev.scangate.local.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds sqlite4java's native libraries, which DynamoDBLocal needs for its file database. The
 * build copies them into {@code target/lib/} next to {@code scangate.jar}; the
 * {@code sqlite4java.library.path} system property overrides that.
 */
final class SqliteNatives {

    static final String PROPERTY = "sqlite4java.library.path";

    private SqliteNatives() {
    }

    /** Sets {@value #PROPERTY} to a directory that holds the natives, or fails saying where it looked. */
    static Path configure() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (holdsNatives(dir)) {
                return dir;
            }
            throw new IllegalStateException(PROPERTY + "=" + configured
                    + " holds no sqlite4java native library (libsqlite4java-*.so/.dylib or sqlite4java-*.dll)");
        }
        Optional<Path> besideJar = codeLocation().map(p -> p.resolveSibling("lib"));
        if (besideJar.isPresent() && holdsNatives(besideJar.get())) {
            System.setProperty(PROPERTY, besideJar.get().toString());
            return besideJar.get();
        }
        throw new IllegalStateException("sqlite4java native libraries for DynamoDBLocal not found"
                + besideJar.map(p -> " in " + p).orElse("")
                + "; build with `mvn -pl local -am package` (copies them to local/target/lib) or set -D" + PROPERTY + "=DIR");
    }

    private static boolean holdsNatives(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(n -> n.contains("sqlite4java") && (n.endsWith(".so") || n.endsWith(".dylib") || n.endsWith(".dll")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = SqliteNatives.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
