package dev.scangate.local.macie.api.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scangate.local.macie.api.core.StateRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps the local Macie's state in {@code <dir>/macie-state.json}. Writes go to a temporary file that
 * is then moved over the old one, so a crash mid-write never leaves a truncated state behind.
 */
public final class JsonFileStateRepository implements StateRepository {

    private static final String FILE = "macie-state.json";

    private final Path file;
    private final ObjectMapper mapper;

    private JsonFileStateRepository(Path directory) {
        this.file = directory.resolve(FILE);
        this.mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static JsonFileStateRepository inDirectory(Path directory) {
        return new JsonFileStateRepository(directory);
    }

    @Override
    public Optional<Snapshot> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(file.toFile(), Snapshot.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the local Macie state " + file + " can't be read; move it away to start"
                    + " afresh", e);
        }
    }

    @Override
    public synchronized void save(Snapshot snapshot) {
        try {
            Files.createDirectories(file.getParent());
            var temporary = file.resolveSibling(FILE + ".tmp");
            mapper.writeValue(temporary.toFile(), snapshot);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the local Macie state can't be written to " + file, e);
        }
    }
}
