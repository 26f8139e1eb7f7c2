package dev.scangate.statemachine.engine.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** The execution facts the context object ({@code $$} / {@code $states.context}) exposes. */
public record ExecContext(String executionArn, String name, JsonNode input, Instant startTime, String roleArn,
                          String stateMachineArn, String stateMachineName, int redriveCount) {
}
