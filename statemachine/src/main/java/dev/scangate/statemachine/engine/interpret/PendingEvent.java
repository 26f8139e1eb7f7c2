package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A history event not yet numbered or stored. */
public record PendingEvent(String type, String detailsKey, ObjectNode details, long timestampMillis) {
}
