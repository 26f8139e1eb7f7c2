package dev.scangate.lambdas.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scangate.lambdas.core.document.Json;

/**
 * Announces a run's end on the event bus (source {@code scangate}) so downstream stages can start.
 * Delivery is at least once: a retried publish sends the event again, and consumers can tell
 * duplicates by {@code runId} and {@code outcome}.
 */
public final class PublishRunEvent {

    private final RunEvents events;
    private final String scanStageBucket;

    public PublishRunEvent(RunEvents events, String scanStageBucket) {
        this.events = events;
        this.scanStageBucket = scanStageBucket;
    }

    /** Returns the event id. */
    public String publish(String runId, Outcome outcome, String reportKey, Object counts, Object decision, Object failure) {
        var location = reportKey == null ? null : "s3://" + scanStageBucket + "/" + reportKey;
        var detail = new RunEvent(runId, outcome, counts, location, decision, failure);
        try {
            return events.publish(outcome.detailType(), Json.mapper().writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the run event", e);
        }
    }
}
