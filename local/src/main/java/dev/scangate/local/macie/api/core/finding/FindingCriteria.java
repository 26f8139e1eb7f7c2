package dev.scangate.local.macie.api.core.finding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.local.macie.api.core.MacieException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ListFindings/GetFindingStatistics {@code findingCriteria}: field paths AND-ed, {@code eq}/{@code neq}
 * values OR-ed, {@code eqExactMatch} values AND-ed, {@code gt/gte/lt/lte} numeric (timestamps as
 * epoch milliseconds).
 */
public final class FindingCriteria {

    private static final Set<String> EXACT_MATCH_FIELDS = Set.of(
            "customDataIdentifiers.detections.arn", "customDataIdentifiers.detections.name",
            "resourcesAffected.s3Bucket.tags.key", "resourcesAffected.s3Bucket.tags.value",
            "resourcesAffected.s3Object.tags.key", "resourcesAffected.s3Object.tags.value",
            "sensitiveData.category", "sensitiveData.detections.type");

    private record Condition(String field, List<String> eq, List<String> neq, List<String> eqExactMatch,
            Long gt, Long gte, Long lt, Long lte) { }

    private final List<Condition> conditions;

    private FindingCriteria(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public static FindingCriteria parse(JsonNode findingCriteria) {
        if (findingCriteria == null || findingCriteria.isNull()) {
            return new FindingCriteria(List.of());
        }
        var criterion = findingCriteria.get("criterion");
        if (criterion == null || criterion.isNull()) {
            return new FindingCriteria(List.of());
        }
        if (!criterion.isObject()) {
            throw MacieException.validation("findingCriteria.criterion must be a map of field paths to conditions");
        }
        var conditions = new ArrayList<Condition>();
        criterion.fields().forEachRemaining(e -> {
            var field = e.getKey();
            var node = e.getValue();
            var path = "findingCriteria.criterion." + field;
            var exact = strings(node.get("eqExactMatch"));
            if (!exact.isEmpty() && !EXACT_MATCH_FIELDS.contains(field)) {
                throw MacieException.validation(path + ".eqExactMatch is only allowed for " + EXACT_MATCH_FIELDS);
            }
            conditions.add(new Condition(field, strings(node.get("eq")), strings(node.get("neq")), exact,
                    number(node, "gt", path), number(node, "gte", path), number(node, "lt", path),
                    number(node, "lte", path)));
        });
        return new FindingCriteria(List.copyOf(conditions));
    }

    public boolean matches(JsonNode finding) {
        for (var c : conditions) {
            var values = values(finding, c.field());
            if (!c.eq().isEmpty() && values.stream().noneMatch(c.eq()::contains)) {
                return false;
            }
            if (!c.neq().isEmpty() && values.stream().anyMatch(c.neq()::contains)) {
                return false;
            }
            if (!c.eqExactMatch().isEmpty() && !values.containsAll(c.eqExactMatch())) {
                return false;
            }
            if (c.gt() != null || c.gte() != null || c.lt() != null || c.lte() != null) {
                boolean any = values.stream().map(FindingCriteria::numeric).anyMatch(v -> v != null
                        && (c.gt() == null || v > c.gt()) && (c.gte() == null || v >= c.gte())
                        && (c.lt() == null || v < c.lt()) && (c.lte() == null || v <= c.lte()));
                if (!any) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every value at a field path (arrays are walked), as text. Short paths are Macie's aliases. */
    public static List<String> values(JsonNode finding, String field) {
        var path = field.startsWith("sensitiveData.") || field.startsWith("customDataIdentifiers.")
                ? "classificationDetails.result." + field : field;
        var out = new ArrayList<String>();
        collect(finding, path.split("\\."), 0, out);
        return out;
    }

    private static void collect(JsonNode node, String[] parts, int index, List<String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, parts, index, out));
            return;
        }
        if (index == parts.length) {
            if (node.isValueNode()) {
                out.add(node.asText());
            }
            return;
        }
        collect(node.get(parts[index]), parts, index + 1, out);
    }

    /** Numbers as they are; ISO timestamps as epoch milliseconds. */
    static Long numeric(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException notATimestamp) {
                return null;
            }
        }
    }

    private static List<String> strings(JsonNode node) {
        var out = new ArrayList<String>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static Long number(JsonNode node, String name, String path) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong()) {
            throw MacieException.validation(path + "." + name + " must be a whole number");
        }
        return value.asLong();
    }
}
