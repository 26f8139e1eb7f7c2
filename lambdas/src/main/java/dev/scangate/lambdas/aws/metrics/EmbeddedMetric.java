package dev.scangate.lambdas.aws.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One CloudWatch metric value as an Embedded Metric Format (EMF) log line. Lambda sends what a
 * function writes to stdout to CloudWatch Logs, which turns EMF lines into metrics: no CloudWatch
 * client and no cloudwatch:PutMetricData permission needed. The line is one JSON object with
 * nothing around it (Lambda's JSON log format passes JSON lines through without wrapping them).
 *
 * <p>No dimensions (an empty dimension set), so the metric is exactly (namespace, name), which is
 * what an alarm without dimensions watches.
 */
public record EmbeddedMetric(String namespace, String name, double value, String unit, Instant timestamp) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EmbeddedMetric {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(timestamp, "timestamp");
        if (name.equals("_aws")) {
            throw new IllegalArgumentException("'_aws' is reserved by the embedded metric format");
        }
    }

    public static EmbeddedMetric count(String namespace, String name, long value, Instant timestamp) {
        return new EmbeddedMetric(namespace, name, value, "Count", timestamp);
    }

    /** The EMF document on one line, without a line break. */
    public String toLogLine() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestamp.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        directive.putArray("Dimensions").addArray();
        directive.putArray("Metrics").addObject().put("Name", name).put("Unit", unit);
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            root.put(name, (long) value);
        } else {
            root.put(name, value);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the metric " + name, e);
        }
    }
}
