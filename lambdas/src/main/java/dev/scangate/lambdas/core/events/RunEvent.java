package dev.scangate.lambdas.core.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The detail of a run event; {@code reportLocation} may be null, {@code decision} and {@code failure} appear only when set. */
public record RunEvent(String runId, Outcome outcome, Object counts, String reportLocation,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Object decision,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Object failure) {
}
