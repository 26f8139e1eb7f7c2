package dev.scangate.infra.config;

import java.util.List;

/**
 * Bad CDK context. Thrown before any construct is created so that {@code cdk synth} stops with
 * every problem listed at once instead of a half-built stack or a deploy-time failure.
 */
public final class InvalidContextException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidContextException(List<String> problems) {
        super("Invalid ScanGate CDK context (fix with -c key=value or in cdk.json):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
