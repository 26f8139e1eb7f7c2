package dev.scangate.lambdas.core.approval;

import java.util.List;
import java.util.Objects;

/**
 * One kind of sensitive data found in an object: its type, how often, and a few human-readable
 * places ("line 12", "row 3, column email"). Never the sensitive value itself.
 */
public record Detection(String type, long count, List<String> locations) {

    public Detection {
        Objects.requireNonNull(type, "type");
        locations = locations == null ? List.of() : List.copyOf(locations);
    }
}
