package dev.scangate.local.macie.api.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.api.core.identifier.AllowList;
import dev.scangate.local.macie.api.core.identifier.CustomDataIdentifier;
import dev.scangate.local.macie.api.core.job.ClassificationJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the local Macie knows, guarded by one monitor. Job updates notify waiters so a
 * running job notices a pause or cancel at once. Every change is written through to the
 * {@link StateRepository}.
 */
public final class MacieState {

    private final StateRepository repository;
    private MacieSession session;
    private final Map<String, ClassificationJob> jobs = new LinkedHashMap<>();
    private final Map<String, ObjectNode> findings = new LinkedHashMap<>();
    private final Map<String, CustomDataIdentifier> customDataIdentifiers = new LinkedHashMap<>();
    private final Map<String, AllowList> allowLists = new LinkedHashMap<>();

    public MacieState(StateRepository repository) {
        this.repository = repository;
        repository.load().ifPresent(this::restore);
    }

    private void restore(StateRepository.Snapshot snapshot) {
        session = snapshot.session();
        snapshot.jobs().forEach(j -> jobs.put(j.jobId(), j));
        snapshot.findings().forEach(f -> findings.put(f.path("id").asText(), f));
        snapshot.customDataIdentifiers().forEach(c -> customDataIdentifiers.put(c.id(), c));
        snapshot.allowLists().forEach(a -> allowLists.put(a.id(), a));
    }

    public synchronized Optional<MacieSession> session() {
        return Optional.ofNullable(session);
    }

    public synchronized void session(MacieSession newSession) {
        session = newSession;
        persist();
    }

    /** DisableMacie: Macie deletes the account's jobs, findings, identifiers and lists. */
    public synchronized void clear() {
        session = null;
        jobs.clear();
        findings.clear();
        customDataIdentifiers.clear();
        allowLists.clear();
        persist();
        notifyAll();
    }

    // --- jobs

    public synchronized Optional<ClassificationJob> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    public synchronized List<ClassificationJob> jobs() {
        return new ArrayList<>(jobs.values());
    }

    public synchronized void putJob(ClassificationJob job) {
        jobs.put(job.jobId(), job);
        persist();
        notifyAll();
    }

    public synchronized ClassificationJob updateJob(String jobId, UnaryOperator<ClassificationJob> change) {
        var updated = change.apply(jobs.get(jobId));
        jobs.put(jobId, updated);
        persist();
        notifyAll();
        return updated;
    }

    /** Waits until a job changes or {@code millis} pass (0 = until a change). */
    public synchronized void awaitChange(long millis) throws InterruptedException {
        wait(millis);
    }

    // --- findings

    public synchronized void addFinding(ObjectNode finding) {
        findings.put(finding.path("id").asText(), finding);
    }

    public synchronized Optional<ObjectNode> finding(String id) {
        return Optional.ofNullable(findings.get(id));
    }

    public synchronized List<ObjectNode> findings() {
        return new ArrayList<>(findings.values());
    }

    public synchronized void removeFindingsOfJob(String jobId) {
        findings.values().removeIf(f -> jobId.equals(f.path("classificationDetails").path("jobId").asText()));
    }

    // --- identifiers and lists

    public synchronized Optional<CustomDataIdentifier> customDataIdentifier(String id) {
        return Optional.ofNullable(customDataIdentifiers.get(id));
    }

    public synchronized List<CustomDataIdentifier> customDataIdentifiers() {
        return new ArrayList<>(customDataIdentifiers.values());
    }

    public synchronized void putCustomDataIdentifier(CustomDataIdentifier identifier) {
        customDataIdentifiers.put(identifier.id(), identifier);
        persist();
    }

    public synchronized Optional<AllowList> allowList(String id) {
        return Optional.ofNullable(allowLists.get(id));
    }

    public synchronized List<AllowList> allowLists() {
        return new ArrayList<>(allowLists.values());
    }

    public synchronized void putAllowList(AllowList allowList) {
        allowLists.put(allowList.id(), allowList);
        persist();
    }

    public synchronized void removeAllowList(String id) {
        allowLists.remove(id);
        persist();
    }

    /** Writes the current state through; also called after a job adds findings. */
    public synchronized void persist() {
        repository.save(new StateRepository.Snapshot(session, new ArrayList<>(jobs.values()),
                new ArrayList<>(findings.values()), new ArrayList<>(customDataIdentifiers.values()),
                new ArrayList<>(allowLists.values())));
    }
}
