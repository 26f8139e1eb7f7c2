package dev.scangate.statemachine.engine.integration;

import dev.scangate.statemachine.engine.StatesError;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Task resources the engine can run, by integration key: {@code lambda:invoke},
 * {@code sns:publish}, {@code events:putEvents}, {@code aws-sdk:<service>:<action>} or a whole
 * service {@code aws-sdk:<service>}, and {@code lambda:function} for plain Lambda ARNs.
 */
public final class Integrations {

    public static final String STATES_PREFIX = "arn:aws:states:::";
    public static final String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";
    public static final String PLAIN_LAMBDA = "lambda:function";

    private final Map<String, TaskIntegration> byKey;

    private Integrations(Builder b) {
        this.byKey = Map.copyOf(b.byKey);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How a resource ARN is run: its integration key and whether it waits for a callback. */
    public record Resolved(String action, boolean waitForTaskToken, TaskIntegration integration) {
    }

    /** The integration for a resource ARN; an unknown resource is a {@code States.Runtime} error naming it. */
    public Resolved resolve(String resource) {
        Objects.requireNonNull(resource, "resource");
        if (resource.startsWith("arn:aws:lambda:")) {
            return new Resolved(resource, false, find(PLAIN_LAMBDA, resource));
        }
        if (!resource.startsWith(STATES_PREFIX)) {
            throw StatesError.runtime("unsupported Task resource " + resource);
        }
        String key = resource.substring(STATES_PREFIX.length());
        boolean callback = key.endsWith(WAIT_FOR_TASK_TOKEN);
        if (callback) {
            key = key.substring(0, key.length() - WAIT_FOR_TASK_TOKEN.length());
        }
        if (key.endsWith(".sync") || key.contains(".sync:")) {
            throw StatesError.runtime("the .sync integration pattern is not supported locally: " + resource);
        }
        TaskIntegration integration = byKey.get(key);
        if (integration == null && key.startsWith("aws-sdk:")) {
            String[] parts = key.split(":");
            if (parts.length == 3) {
                integration = byKey.get(parts[0] + ":" + parts[1]);
            }
        }
        if (integration == null) {
            throw StatesError.runtime("no local integration for Task resource " + resource);
        }
        return new Resolved(key, callback, integration);
    }

    private TaskIntegration find(String key, String resource) {
        return Optional.ofNullable(byKey.get(key))
                .orElseThrow(() -> StatesError.runtime("no local integration for Task resource " + resource));
    }

    public static final class Builder {
        private final Map<String, TaskIntegration> byKey = new HashMap<>();

        private Builder() {
        }

        /** Registers an integration under its key, e.g. {@code sns:publish} or {@code aws-sdk:s3}. */
        public Builder register(String key, TaskIntegration integration) {
            byKey.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(integration, "integration"));
            return this;
        }

        public Integrations build() {
            return new Integrations(this);
        }
    }
}
