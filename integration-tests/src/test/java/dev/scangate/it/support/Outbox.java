package dev.scangate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The runtime's outbox directory ({@code <data-dir>/outbox/*.eml}), read from outside. */
public record Outbox(Path directory) {

    public List<Mail> messages() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            // ".partial-" files are messages still being written
            return files.filter(f -> f.getFileName().toString().endsWith(".eml") && !f.getFileName().toString().startsWith("."))
                    .sorted().map(Mail::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    public List<Mail> messages(Predicate<Mail> filter) {
        return messages().stream().filter(filter).toList();
    }

    public Mail awaitMessage(String what, Duration bound, Predicate<Mail> filter) {
        return Waits.until(what, bound, () -> messages().stream().filter(filter).findFirst());
    }

    /** The approval request for {@code runId} (subject "... held for review ... - run <runId>"). */
    public Mail awaitApprovalRequest(String runId) {
        return awaitMessage("the approval mail of run " + runId, Waits.DEFAULT, approvalRequestFor(runId));
    }

    public Optional<Mail> approvalRequest(String runId) {
        return messages().stream().filter(approvalRequestFor(runId)).findFirst();
    }

    public static Predicate<Mail> approvalRequestFor(String runId) {
        return m -> m.subject().contains("held for review") && m.subject().endsWith("run " + runId);
    }
}
