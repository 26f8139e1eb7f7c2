package dev.scangate.statemachine.engine.integration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Task sends to its integration.
 *
 * @param resource  the full resource ARN as written in the definition
 * @param action    the integration key, e.g. {@code lambda:invoke}, {@code aws-sdk:s3:copyObject}, or the
 *                  function ARN for a plain Lambda resource
 * @param arguments the evaluated Arguments / Parameters
 * @param taskToken the callback token for {@code .waitForTaskToken} tasks, else null
 */
public record TaskRequest(String resource, String action, JsonNode arguments, String taskToken,
                          String executionArn, String stateName) {
}
