package dev.scangate.lambdas.core.report;

import java.util.List;
import java.util.Map;

/**
 * One kind of sensitive data found in an object: a managed identifier type or a custom data
 * identifier name, with at most 15 Macie occurrence objects (positions, never the values).
 */
public record Detection(String type, String category, long count, List<Map<String, Object>> locations) {

    public static final int MAX_LOCATIONS = 15;

    public Detection {
        locations = locations == null ? List.of() : List.copyOf(locations.subList(0, Math.min(MAX_LOCATIONS, locations.size())));
    }
}
