package dev.scangate.statemachine.engine.store;

import dev.scangate.statemachine.engine.ExecutionStatus;

/** One stored execution, with the definition it runs and its cursor (JSON). */
public record ExecutionRow(String arn, String stateMachineArn, String name, ExecutionStatus status, String input,
                           String output, String error, String cause, long startMillis, long stopMillis,
                           String definition, String roleArn, int redriveCount, long redriveMillis, String cursor) {
}
