package dev.scangate.local.commands.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a run report ({@code scan-stage/reports/<runId>.json}, see statemachine/README.md)
 * that `scangate show` prints. Read leniently: a field the report does not have yet (e.g. the
 * decision before anyone decided) is null.
 */
public record RunReport(String runId, String jobId, String jobStatus, String severityThreshold, Counts counts,
                        List<ObjectOutcome> objects) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Counts(long total, long clean, long flagged, long unscanned) { }

    /**
     * @param route {@code bucket/key} where the object went, null while not routed
     * @param decision e.g. {@code APPROVE by ana@example.com at 2026-…}, null when nobody decided
     */
    public record ObjectOutcome(String key, String verdict, String severity, List<String> findingTypes, String route,
                                String decision) { }

    public RunReport {
        objects = List.copyOf(objects);
    }

    /** Parses a report; throws {@link IllegalArgumentException} naming what is wrong. */
    public static RunReport parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not readable: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode objects = root.path("objects");
        if (!objects.isMissingNode() && !objects.isArray()) {
            throw new IllegalArgumentException("'objects' is not an array");
        }
        List<ObjectOutcome> outcomes = new ArrayList<>();
        for (JsonNode o : objects) {
            List<String> types = new ArrayList<>();
            o.path("findingTypes").forEach(t -> types.add(t.asText()));
            outcomes.add(new ObjectOutcome(text(o, "key"), text(o, "verdict"), text(o, "severity"), types,
                    route(o.path("route")), decision(o.path("decision"))));
        }
        JsonNode c = root.path("counts");
        Counts counts = new Counts(c.path("total").asLong(outcomes.size()), c.path("clean").asLong(),
                c.path("flagged").asLong(), c.path("unscanned").asLong());
        return new RunReport(text(root, "runId"), text(root, "jobId"), text(root, "jobStatus"),
                text(root, "severityThreshold"), counts, outcomes);
    }

    private static String route(JsonNode route) {
        if (!route.isObject()) {
            return null;
        }
        return text(route, "bucket") + "/" + text(route, "key");
    }

    private static String decision(JsonNode d) {
        if (!d.isObject()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(String.valueOf(text(d, "action")));
        if (text(d, "approver") != null) {
            sb.append(" by ").append(text(d, "approver"));
        }
        if (text(d, "decidedAt") != null) {
            sb.append(" at ").append(text(d, "decidedAt"));
        }
        return sb.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
