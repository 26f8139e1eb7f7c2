package dev.scangate.statemachine.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One execution history event. {@code detailsKey} is the API member name of the details
 * (for example {@code stateEnteredEventDetails}); it is null when the type has none.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String detailsKey,
                           ObjectNode details) {
}
