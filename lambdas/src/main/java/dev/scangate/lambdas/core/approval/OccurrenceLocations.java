package dev.scangate.lambdas.core.approval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Macie occurrence objects into short places a person can find ("line 12", "row 3, column
 * email"). Only positions are read; occurrences never hold the values and neither do we.
 */
public final class OccurrenceLocations {

    private OccurrenceLocations() {
    }

    public static List<String> describe(JsonNode locations, int limit) {
        List<String> out = new ArrayList<>();
        if (locations == null || !locations.isArray()) {
            return out;
        }
        for (JsonNode location : locations) {
            collect(location, out, limit);
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<String> out, int limit) {
        if (node == null || !node.isObject() || out.size() >= limit) {
            return;
        }
        if (hasArray(node, "lineRanges") || hasArray(node, "cells") || hasArray(node, "records")
                || hasArray(node, "pages") || hasArray(node, "offsetRanges")) {
            for (String field : List.of("lineRanges", "cells", "records", "pages", "offsetRanges")) {
                for (JsonNode item : node.path(field)) {
                    add(out, single(field, item), limit);
                }
            }
            return;
        }
        add(out, single(guessKind(node), node), limit);
    }

    private static String guessKind(JsonNode node) {
        if (node.has("pageNumber")) {
            return "pages";
        }
        if (node.has("row") || node.has("column") || node.has("cellReference")) {
            return "cells";
        }
        if (node.has("jsonPath") || node.has("recordIndex")) {
            return "records";
        }
        return "lineRanges";
    }

    private static String single(String kind, JsonNode n) {
        return switch (kind) {
            case "cells" -> {
                String column = n.hasNonNull("columnName") ? n.get("columnName").asText() : n.path("column").asText("?");
                yield n.hasNonNull("row") ? "row " + n.get("row").asLong() + ", column " + column
                        : n.hasNonNull("cellReference") ? "cell " + n.get("cellReference").asText() : null;
            }
            case "records" -> n.hasNonNull("recordIndex")
                    ? "record " + n.get("recordIndex").asLong() + (n.hasNonNull("jsonPath") ? " " + n.get("jsonPath").asText() : "")
                    : null;
            case "pages" -> n.hasNonNull("pageNumber") ? "page " + n.get("pageNumber").asLong() : null;
            case "offsetRanges" -> n.hasNonNull("start") ? "offset " + n.get("start").asLong() : null;
            default -> n.hasNonNull("start") ? "line " + n.get("start").asLong() : null;
        };
    }

    private static boolean hasArray(JsonNode node, String field) {
        return node.path(field).isArray();
    }

    private static void add(List<String> out, String value, int limit) {
        if (value != null && out.size() < limit && !out.contains(value)) {
            out.add(value);
        }
    }
}
