package dev.scangate.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every event put on any local bus, in memory and appended to a JSON-lines file, so tests and the
 * console can read a run's events and they survive a restart. Listeners see each event as it is
 * put (e.g. the console, or a runtime waiting for a run to end).
 */
public final class EventLog {

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final List<StoredEvent> events = new ArrayList<>();
    private final List<Consumer<StoredEvent>> listeners = new CopyOnWriteArrayList<>();

    private EventLog(Path file) {
        this.file = file;
    }

    /** Opens the log in {@code file}, reading the events already there; a torn last line is skipped. */
    public static EventLog open(Path file) {
        var log = new EventLog(file);
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        try {
                            log.events.add(StoredEvent.fromEventJson(JSON.readTree(line)));
                        } catch (IOException | RuntimeException e) {
                            LOG.warn("skipping an unreadable line in {}: {}", file, e.toString());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the event log " + file, e);
            }
        }
        return log;
    }

    public void append(StoredEvent event) {
        synchronized (this) {
            try {
                Files.createDirectories(file.getParent());
                try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    out.write(event.toEventJson().toString());
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the event log " + file, e);
            }
            events.add(event);
        }
        for (var listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("event listener failed on event {}", event.id(), e);
            }
        }
    }

    public synchronized List<StoredEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<StoredEvent> events(Predicate<StoredEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    /** The events whose {@code detail.runId} is {@code runId}, oldest first. */
    public List<StoredEvent> eventsForRun(String runId) {
        return events(e -> runId.equals(e.detail().path("runId").asText(null)));
    }

    /** Calls {@code listener} for every event appended from now on; the returned handle removes it. */
    public AutoCloseable addListener(Consumer<StoredEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
