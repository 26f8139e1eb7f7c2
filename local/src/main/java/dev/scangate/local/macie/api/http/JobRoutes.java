package dev.scangate.local.macie.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.api.core.Timestamps;
import dev.scangate.local.macie.api.core.job.ClassificationJob;
import dev.scangate.local.macie.api.core.job.JobService;
import java.util.List;

/** CreateClassificationJob, DescribeClassificationJob, UpdateClassificationJob, ListClassificationJobs. */
final class JobRoutes {

    private JobRoutes() {
    }

    static List<Route> routes(ObjectMapper mapper, JobService jobs) {
        return List.of(
                Route.of("POST", "/jobs/list", true, r -> {
                    var page = jobs.list(r.body());
                    var out = mapper.createObjectNode();
                    var items = out.putArray("items");
                    page.items().forEach(j -> items.add(summary(mapper, j)));
                    out.put("nextToken", page.nextToken());
                    return out;
                }),
                Route.of("POST", "/jobs", true, r -> {
                    var job = jobs.create(r.body());
                    return mapper.createObjectNode().put("jobArn", job.jobArn()).put("jobId", job.jobId());
                }),
                Route.of("GET", "/jobs/{jobId}", true, r -> describe(mapper, jobs.describe(r.path("jobId")))),
                Route.of("PATCH", "/jobs/{jobId}", true, r -> {
                    jobs.update(r.path("jobId"), r.body().path("jobStatus").asText(null));
                    return mapper.createObjectNode();
                }));
    }

    private static ObjectNode describe(ObjectMapper mapper, ClassificationJob job) {
        var d = job.definition();
        var out = mapper.createObjectNode();
        out.set("allowListIds", d.has("allowListIds") ? d.get("allowListIds") : mapper.createArrayNode());
        out.put("clientToken", job.clientToken());
        out.put("createdAt", Timestamps.format(job.createdAt()));
        out.set("customDataIdentifierIds", d.has("customDataIdentifierIds") ? d.get("customDataIdentifierIds")
                : mapper.createArrayNode());
        if (d.hasNonNull("description")) {
            out.put("description", d.get("description").asText());
        }
        out.put("initialRun", false);
        out.put("jobArn", job.jobArn());
        out.put("jobId", job.jobId());
        out.put("jobStatus", job.status().name());
        out.put("jobType", job.jobType());
        out.putObject("lastRunErrorStatus").put("code", job.lastRunError() ? "ERROR" : "NONE");
        out.put("lastRunTime", Timestamps.format(job.lastRunTime()));
        out.set("managedDataIdentifierIds", d.has("managedDataIdentifierIds") ? d.get("managedDataIdentifierIds")
                : mapper.createArrayNode());
        out.put("managedDataIdentifierSelector", d.path("managedDataIdentifierSelector").asText());
        out.put("name", job.name());
        out.set("s3JobDefinition", d.get("s3JobDefinition"));
        out.put("samplingPercentage", d.path("samplingPercentage").asInt(100));
        var statistics = out.putObject("statistics");
        statistics.put("approximateNumberOfObjectsToProcess", (double) job.objectsToProcess());
        statistics.put("numberOfRuns", (double) job.numberOfRuns());
        out.set("tags", d.path("tags").isObject() ? d.get("tags") : mapper.createObjectNode());
        if (job.userPausedAt() != null) {
            var paused = out.putObject("userPausedDetails");
            // Macie cancels a user-paused one-time job after 30 days.
            paused.put("jobExpiresAt", Timestamps.format(job.userPausedAt().plus(java.time.Duration.ofDays(30))));
            paused.put("jobPausedAt", Timestamps.format(job.userPausedAt()));
        }
        return out;
    }

    private static ObjectNode summary(ObjectMapper mapper, ClassificationJob job) {
        var out = mapper.createObjectNode();
        out.set("bucketDefinitions", job.definition().path("s3JobDefinition").get("bucketDefinitions"));
        out.put("createdAt", Timestamps.format(job.createdAt()));
        out.put("jobId", job.jobId());
        out.put("jobStatus", job.status().name());
        out.put("jobType", job.jobType());
        out.putObject("lastRunErrorStatus").put("code", job.lastRunError() ? "ERROR" : "NONE");
        out.put("name", job.name());
        if (job.userPausedAt() != null) {
            out.putObject("userPausedDetails").put("jobPausedAt", Timestamps.format(job.userPausedAt()));
        }
        return out;
    }
}
