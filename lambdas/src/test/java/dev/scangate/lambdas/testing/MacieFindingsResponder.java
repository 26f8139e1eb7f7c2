package dev.scangate.lambdas.testing;

import dev.scangate.lambdas.testing.RecordedResponseServer.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Recorded ListFindings / GetFindings behaviour for one job: findings are listed in pages of
 * {@code pageSize}, and GetFindings returns the requested ones (refusing more than 50 ids, as Macie
 * does).
 */
public final class MacieFindingsResponder {

    private final String jobId;
    private final String bucket;
    private final int pageSize;
    private final Map<String, String> findings = new LinkedHashMap<>();

    public MacieFindingsResponder(String jobId, String bucket, int pageSize) {
        this.jobId = jobId;
        this.bucket = bucket;
        this.pageSize = pageSize;
    }

    public MacieFindingsResponder finding(String id, String key, String severity, String detectionType) {
        findings.put(id, Fixtures.read("macie/finding.json", Map.of("id", id, "jobId", jobId, "bucket", bucket,
                "key", key, "severity", severity, "detectionType", detectionType)));
        return this;
    }

    public void install(RecordedResponseServer server) {
        server.respond("POST /findings", request -> {
            var body = request.json();
            if (!jobId.equals(body.at("/findingCriteria/criterion/classificationDetails.jobId/eq/0").asText())
                    || !"false".equals(body.at("/findingCriteria/criterion/archived/eq/0").asText())) {
                return Response.json("{\"findingIds\": []}");
            }
            var ids = new ArrayList<>(findings.keySet());
            int start = body.hasNonNull("nextToken") ? Integer.parseInt(body.get("nextToken").asText()) : 0;
            int end = Math.min(ids.size(), start + pageSize);
            var page = ids.subList(start, end).stream().map(id -> "\"" + id + "\"").toList();
            var next = end < ids.size() ? ", \"nextToken\": \"" + end + "\"" : "";
            return Response.json("{\"findingIds\": [" + String.join(",", page) + "]" + next + "}");
        });
        server.respond("POST /findings/describe", request -> {
            List<String> ids = StreamSupport.stream(request.json().get("findingIds").spliterator(), false)
                    .map(n -> n.asText()).toList();
            if (ids.size() > 50) {
                return Response.error(400, "ValidationException", "findingIds must have at most 50 items");
            }
            var found = ids.stream().filter(findings::containsKey).map(findings::get).toList();
            return Response.json("{\"findings\": [" + String.join(",", found) + "]}");
        });
    }
}
