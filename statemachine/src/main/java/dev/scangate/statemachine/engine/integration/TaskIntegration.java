package dev.scangate.statemachine.engine.integration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind of Task resource (an optimised integration such as {@code lambda:invoke}, or an
 * {@code aws-sdk} service). A task failure is a thrown {@link dev.scangate.statemachine.engine.StatesError}
 * whose error name Retry and Catch match; anything else thrown is reported as {@code States.TaskFailed}.
 */
@FunctionalInterface
public interface TaskIntegration {

    /** Runs the task and returns its result (for {@code .waitForTaskToken} the result is ignored). */
    JsonNode invoke(TaskRequest request);
}
