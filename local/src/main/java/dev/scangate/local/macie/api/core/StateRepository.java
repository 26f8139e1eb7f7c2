package dev.scangate.local.macie.api.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.api.core.identifier.AllowList;
import dev.scangate.local.macie.api.core.identifier.CustomDataIdentifier;
import dev.scangate.local.macie.api.core.job.ClassificationJob;
import java.util.List;
import java.util.Optional;

/** Where the local Macie keeps its state between restarts. */
public interface StateRepository {

    Optional<Snapshot> load();

    void save(Snapshot snapshot);

    /** Everything the local Macie knows. */
    record Snapshot(
            MacieSession session,
            List<ClassificationJob> jobs,
            List<ObjectNode> findings,
            List<CustomDataIdentifier> customDataIdentifiers,
            List<AllowList> allowLists) {

        public Snapshot {
            jobs = List.copyOf(jobs == null ? List.of() : jobs);
            findings = List.copyOf(findings == null ? List.of() : findings);
            customDataIdentifiers = List.copyOf(customDataIdentifiers == null ? List.of() : customDataIdentifiers);
            allowLists = List.copyOf(allowLists == null ? List.of() : allowLists);
        }
    }

    /** Keeps nothing: state lives only as long as the process. */
    static StateRepository inMemory() {
        return new StateRepository() {
            @Override
            public Optional<Snapshot> load() {
                return Optional.empty();
            }

            @Override
            public void save(Snapshot snapshot) {
                // nothing to keep
            }
        };
    }
}
