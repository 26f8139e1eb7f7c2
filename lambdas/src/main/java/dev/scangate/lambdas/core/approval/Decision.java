package dev.scangate.lambdas.core.approval;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A person's decision on every object of one approval. */
public record Decision(Map<String, DecisionAction> decisions, String approver, Instant decidedAt) {

    public Decision {
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(decidedAt, "decidedAt");
        // Insertion order is kept so pages and events list objects as the approver saw them.
        decisions = Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
    }

    public long count(DecisionAction action) {
        return decisions.values().stream().filter(action::equals).count();
    }
}
