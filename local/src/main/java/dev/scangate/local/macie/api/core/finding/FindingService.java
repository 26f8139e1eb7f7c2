package dev.scangate.local.macie.api.core.finding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.api.core.Fields;
import dev.scangate.local.macie.api.core.MacieException;
import dev.scangate.local.macie.api.core.MacieState;
import dev.scangate.local.macie.api.core.Paging;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ListFindings, GetFindings and GetFindingStatistics over the findings jobs produced. */
public final class FindingService {

    private static final Set<String> SORT_ATTRIBUTES = Set.of("count", "createdAt",
            "policyDetails.action.apiCallDetails.firstSeen", "policyDetails.action.apiCallDetails.lastSeen",
            "resourcesAffected", "severity.score", "type", "updatedAt");
    private static final Set<String> GROUP_BY = Set.of("classificationDetails.jobId",
            "resourcesAffected.s3Bucket.name", "severity.description", "type");

    private final MacieState state;

    public FindingService(MacieState state) {
        this.state = state;
    }

    public Paging.Page<String> list(JsonNode request) {
        var maxResults = Fields.integer(request, "maxResults", "maxResults", 1, 50);
        var nextToken = Fields.text(request, "nextToken", "nextToken", false, 4096);
        var criteria = FindingCriteria.parse(request.get("findingCriteria"));
        var ids = state.findings().stream().filter(criteria::matches).sorted(sort(request.get("sortCriteria")))
                .map(f -> f.path("id").asText()).toList();
        return Paging.page(ids, maxResults, 50, nextToken);
    }

    public List<ObjectNode> get(JsonNode request) {
        var ids = Fields.strings(request, "findingIds", "findingIds", 50);
        if (request.get("findingIds") == null) {
            throw MacieException.validation("findingIds is required");
        }
        return ids.stream().distinct().map(state::finding).flatMap(java.util.Optional::stream)
                .sorted(sort(request.get("sortCriteria"))).toList();
    }

    /** One {@code countsByGroup} entry. */
    public record GroupCount(String groupKey, long count) { }

    public List<GroupCount> statistics(JsonNode request) {
        var groupBy = Fields.text(request, "groupBy", "groupBy", true, 100);
        if (!GROUP_BY.contains(groupBy)) {
            throw MacieException.validation("groupBy must be one of " + GROUP_BY + ", got '" + groupBy + "'");
        }
        var size = Fields.integer(request, "size", "size", 1, 1000);
        var criteria = FindingCriteria.parse(request.get("findingCriteria"));
        Map<String, Long> counts = new LinkedHashMap<>();
        state.findings().stream().filter(criteria::matches).forEach(f -> FindingCriteria.values(f, groupBy).stream()
                .findFirst().ifPresent(k -> counts.merge(k, 1L, Long::sum)));
        var sortCriteria = request.get("sortCriteria");
        var attribute = sortCriteria == null ? "groupKey" : sortCriteria.path("attributeName").asText("groupKey");
        var order = sortCriteria == null ? "ASC" : sortCriteria.path("orderBy").asText("ASC");
        Comparator<GroupCount> comparator = switch (attribute) {
            case "groupKey" -> Comparator.comparing(GroupCount::groupKey);
            case "count" -> Comparator.comparingLong(GroupCount::count);
            default -> throw MacieException.validation("sortCriteria.attributeName must be groupKey or count, got '"
                    + attribute + "'");
        };
        comparator = order(comparator, order);
        return counts.entrySet().stream().map(e -> new GroupCount(e.getKey(), e.getValue())).sorted(comparator)
                .limit(size == null ? Long.MAX_VALUE : size).toList();
    }

    private static Comparator<ObjectNode> sort(JsonNode sortCriteria) {
        if (sortCriteria == null || sortCriteria.isNull()) {
            return (a, b) -> 0;
        }
        var attribute = sortCriteria.path("attributeName").asText("");
        if (!SORT_ATTRIBUTES.contains(attribute)) {
            throw MacieException.validation("sortCriteria.attributeName must be one of " + SORT_ATTRIBUTES + ", got '"
                    + attribute + "'");
        }
        var path = attribute.equals("resourcesAffected") ? "resourcesAffected.s3Object.path" : attribute;
        Comparator<ObjectNode> comparator = (a, b) -> compareValues(first(a, path), first(b, path));
        return order(comparator.thenComparing(f -> f.path("createdAt").asText()), sortCriteria.path("orderBy")
                .asText("ASC"));
    }

    private static <T> Comparator<T> order(Comparator<T> comparator, String order) {
        return switch (order) {
            case "ASC" -> comparator;
            case "DESC" -> comparator.reversed();
            default -> throw MacieException.validation("sortCriteria.orderBy must be ASC or DESC, got '" + order + "'");
        };
    }

    private static String first(ObjectNode finding, String path) {
        return FindingCriteria.values(finding, path).stream().findFirst().orElse("");
    }

    private static int compareValues(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
