package dev.scangate.statemachine.engine;

import java.time.Instant;

/** A stored state machine. */
public record StateMachineInfo(String arn, String name, String definition, String roleArn, String type,
                               Instant creationDate, Instant updateDate) {
}
