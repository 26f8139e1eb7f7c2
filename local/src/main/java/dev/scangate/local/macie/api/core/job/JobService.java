package dev.scangate.local.macie.api.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.api.core.Fields;
import dev.scangate.local.macie.api.core.MacieAccount;
import dev.scangate.local.macie.api.core.MacieException;
import dev.scangate.local.macie.api.core.MacieState;
import dev.scangate.local.macie.api.core.Paging;
import dev.scangate.local.macie.api.core.Timestamps;
import dev.scangate.local.macie.api.core.identifier.AllowListService;
import dev.scangate.local.macie.api.core.identifier.CustomDataIdentifierService;
import dev.scangate.local.macie.api.core.identifier.ManagedDataIdentifiers;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Create, describe, update and list classification jobs; running them is {@link JobRunner}'s business. */
public final class JobService {

    private static final Set<String> SELECTORS = Set.of("ALL", "EXCLUDE", "INCLUDE", "NONE", "RECOMMENDED");

    private final MacieState state;
    private final MacieAccount account;
    private final Clock clock;
    private final ManagedDataIdentifiers managedIdentifiers;
    private final CustomDataIdentifierService customIdentifiers;
    private final AllowListService allowLists;
    private final JobRunner runner;

    public JobService(MacieState state, MacieAccount account, Clock clock, ManagedDataIdentifiers managedIdentifiers,
            CustomDataIdentifierService customIdentifiers, AllowListService allowLists, JobRunner runner) {
        this.state = state;
        this.account = account;
        this.clock = clock;
        this.managedIdentifiers = managedIdentifiers;
        this.customIdentifiers = customIdentifiers;
        this.allowLists = allowLists;
        this.runner = runner;
    }

    public ClassificationJob create(JsonNode request) {
        var clientToken = Fields.text(request, "clientToken", "clientToken", false, 512);
        var definition = validatedDefinition(request);
        ClassificationJob job;
        synchronized (state) {
            if (clientToken != null) {
                var existing = state.jobs().stream().filter(j -> clientToken.equals(j.clientToken())).findFirst();
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            var jobId = UUID.randomUUID().toString().replace("-", "");
            var now = clock.instant();
            job = new ClassificationJob(jobId, account.arn("classification-job/" + jobId),
                    clientToken == null ? UUID.randomUUID().toString() : clientToken, definition, JobStatus.RUNNING,
                    now, now, null, 0, 1, false, List.of());
            state.putJob(job);
        }
        runner.submit(job.jobId());
        return job;
    }

    public ClassificationJob describe(String jobId) {
        return state.job(jobId).orElseThrow(() -> MacieException.notFound(
                "The classification job " + jobId + " doesn't exist."));
    }

    public void update(String jobId, String requestedStatus) {
        if (requestedStatus == null) {
            throw MacieException.validation("jobStatus is required");
        }
        JobStatus target;
        try {
            target = JobStatus.valueOf(requestedStatus);
        } catch (IllegalArgumentException e) {
            throw MacieException.validation("jobStatus must be CANCELLED, RUNNING or USER_PAUSED, got '"
                    + requestedStatus + "'");
        }
        if (JobStatus.legalSourcesOf(target).isEmpty()) {
            throw MacieException.validation("jobStatus must be CANCELLED, RUNNING or USER_PAUSED, got '"
                    + requestedStatus + "'");
        }
        synchronized (state) {
            var job = describe(jobId);
            if (!JobStatus.legalSourcesOf(target).contains(job.status())) {
                throw MacieException.conflict("The job " + jobId + " is " + job.status() + " and can't be changed to "
                        + target + ".");
            }
            var pausedAt = target == JobStatus.USER_PAUSED ? clock.instant() : null;
            state.updateJob(jobId, j -> j.withStatus(target, pausedAt));
        }
        if (target == JobStatus.RUNNING) {
            runner.submit(jobId);
        }
    }

    public Paging.Page<ClassificationJob> list(JsonNode request) {
        var maxResults = Fields.integer(request, "maxResults", "maxResults", 1, 200);
        var nextToken = Fields.text(request, "nextToken", "nextToken", false, 4096);
        var filter = JobFilter.parse(request.get("filterCriteria"));
        var jobs = state.jobs().stream().filter(filter::matches).sorted(sort(request.get("sortCriteria"))).toList();
        return Paging.page(jobs, maxResults, 100, nextToken);
    }

    private static Comparator<ClassificationJob> sort(JsonNode sortCriteria) {
        var attribute = sortCriteria == null ? "createdAt" : sortCriteria.path("attributeName").asText("createdAt");
        var order = sortCriteria == null ? "ASC" : sortCriteria.path("orderBy").asText("ASC");
        Comparator<ClassificationJob> comparator = switch (attribute) {
            case "createdAt" -> Comparator.comparing(ClassificationJob::createdAt);
            case "jobStatus" -> Comparator.comparing(j -> j.status().name());
            case "name" -> Comparator.comparing(ClassificationJob::name);
            case "jobType" -> Comparator.comparing(ClassificationJob::jobType);
            default -> throw MacieException.validation("sortCriteria.attributeName must be createdAt, jobStatus, name"
                    + " or jobType, got '" + attribute + "'");
        };
        if (!order.equals("ASC") && !order.equals("DESC")) {
            throw MacieException.validation("sortCriteria.orderBy must be ASC or DESC, got '" + order + "'");
        }
        comparator = comparator.thenComparing(ClassificationJob::jobId);
        return order.equals("DESC") ? comparator.reversed() : comparator;
    }

    private ObjectNode validatedDefinition(JsonNode request) {
        Fields.text(request, "name", "name", true, 500);
        Fields.text(request, "description", "description", false, 200);
        var jobType = Fields.text(request, "jobType", "jobType", true, 20);
        if (jobType.equals("SCHEDULED")) {
            throw MacieException.validation("jobType SCHEDULED is not supported by the local Macie; use ONE_TIME");
        }
        if (!jobType.equals("ONE_TIME")) {
            throw MacieException.validation("jobType must be ONE_TIME or SCHEDULED, got '" + jobType + "'");
        }
        if (request.hasNonNull("scheduleFrequency") || request.hasNonNull("initialRun")) {
            throw MacieException.validation("scheduleFrequency and initialRun apply only to SCHEDULED jobs");
        }
        validateS3JobDefinition(request.get("s3JobDefinition"));
        var selector = Fields.text(request, "managedDataIdentifierSelector", "managedDataIdentifierSelector", false, 20);
        selector = selector == null ? "RECOMMENDED" : selector;
        if (!SELECTORS.contains(selector)) {
            throw MacieException.validation("managedDataIdentifierSelector must be one of " + SELECTORS + ", got '"
                    + selector + "'");
        }
        var managedIds = Fields.strings(request, "managedDataIdentifierIds", "managedDataIdentifierIds", 1000);
        boolean idsAllowed = selector.equals("INCLUDE") || selector.equals("EXCLUDE");
        if (idsAllowed && managedIds.isEmpty()) {
            throw MacieException.validation("managedDataIdentifierIds is required when managedDataIdentifierSelector is "
                    + selector);
        }
        if (!idsAllowed && !managedIds.isEmpty()) {
            throw MacieException.validation("managedDataIdentifierIds is allowed only when managedDataIdentifierSelector"
                    + " is INCLUDE or EXCLUDE");
        }
        for (var id : managedIds) {
            if (!managedIdentifiers.contains(id)) {
                throw MacieException.validation("managedDataIdentifierIds: unknown managed data identifier '" + id + "'");
            }
        }
        var customIds = Fields.strings(request, "customDataIdentifierIds", "customDataIdentifierIds", 30);
        if (selector.equals("NONE") && customIds.isEmpty()) {
            throw MacieException.validation("customDataIdentifierIds must name at least one custom data identifier when"
                    + " managedDataIdentifierSelector is NONE");
        }
        customIdentifiers.resolve(customIds);
        var allowListIds = Fields.strings(request, "allowListIds", "allowListIds", 10);
        allowLists.requireExisting(allowListIds);
        var sampling = Fields.integer(request, "samplingPercentage", "samplingPercentage", 1, 100);
        Fields.tags(request, "tags");

        var definition = ((ObjectNode) request).deepCopy();
        definition.remove("clientToken");
        definition.put("managedDataIdentifierSelector", selector);
        definition.put("samplingPercentage", sampling == null ? 100 : sampling);
        if (!definition.hasNonNull("tags")) {
            definition.putObject("tags");
        }
        return definition;
    }

    private static void validateS3JobDefinition(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw MacieException.validation("s3JobDefinition is required");
        }
        if (node.hasNonNull("bucketCriteria")) {
            throw MacieException.validation("s3JobDefinition.bucketCriteria is not supported by the local Macie;"
                    + " use s3JobDefinition.bucketDefinitions");
        }
        var definitions = node.get("bucketDefinitions");
        if (definitions == null || !definitions.isArray() || definitions.isEmpty()) {
            throw MacieException.validation("s3JobDefinition.bucketDefinitions must name at least one bucket");
        }
        int buckets = 0;
        for (int i = 0; i < definitions.size(); i++) {
            var path = "s3JobDefinition.bucketDefinitions[" + i + "]";
            var definition = definitions.get(i);
            Fields.text(definition, "accountId", path + ".accountId", true, 12);
            var names = Fields.strings(definition, "buckets", path + ".buckets", 1000);
            if (names.isEmpty()) {
                throw MacieException.validation(path + ".buckets must name at least one bucket");
            }
            buckets += names.size();
        }
        if (buckets > 1000) {
            throw MacieException.validation("s3JobDefinition.bucketDefinitions may name at most 1,000 buckets, got "
                    + buckets);
        }
        JobScope.parse(node.get("scoping"));
    }

    /** ListClassificationJobs filterCriteria: includes must all hold, no exclude may hold. */
    private record JobFilter(List<JsonNode> includes, List<JsonNode> excludes) {

        static JobFilter parse(JsonNode criteria) {
            if (criteria == null || criteria.isNull()) {
                return new JobFilter(List.of(), List.of());
            }
            var includes = terms(criteria.get("includes"), "filterCriteria.includes");
            var excludes = terms(criteria.get("excludes"), "filterCriteria.excludes");
            return new JobFilter(includes, excludes);
        }

        private static List<JsonNode> terms(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            var out = new java.util.ArrayList<JsonNode>();
            for (int i = 0; i < node.size(); i++) {
                var term = node.get(i);
                var key = term.path("key").asText("");
                if (!Set.of("jobType", "jobStatus", "createdAt", "name").contains(key)) {
                    throw MacieException.validation(path + "[" + i + "].key must be jobType, jobStatus, createdAt or"
                            + " name, got '" + key + "'");
                }
                if (key.equals("createdAt")) {
                    var valuesPath = path + "[" + i + "].values";
                    term.path("values").forEach(v -> Timestamps.parse(v.asText(), valuesPath));
                }
                out.add(term);
            }
            return out;
        }

        boolean matches(ClassificationJob job) {
            return includes.stream().allMatch(t -> holds(t, job)) && excludes.stream().noneMatch(t -> holds(t, job));
        }

        private static boolean holds(JsonNode term, ClassificationJob job) {
            var comparator = term.path("comparator").asText("EQ");
            var key = term.path("key").asText();
            var values = new java.util.ArrayList<String>();
            term.path("values").forEach(v -> values.add(v.asText()));
            if (key.equals("createdAt")) {
                return values.stream().anyMatch(v -> compare(job.createdAt().compareTo(java.time.Instant.parse(v)),
                        comparator));
            }
            var actual = switch (key) {
                case "jobType" -> job.jobType();
                case "jobStatus" -> job.status().name();
                default -> job.name();
            };
            return switch (comparator) {
                case "NE" -> values.stream().noneMatch(actual::equals);
                case "CONTAINS" -> values.stream().anyMatch(v -> actual.toLowerCase(Locale.ROOT)
                        .contains(v.toLowerCase(Locale.ROOT)));
                case "STARTS_WITH" -> values.stream().anyMatch(actual::startsWith);
                default -> values.stream().anyMatch(actual::equals);
            };
        }

        private static boolean compare(int cmp, String comparator) {
            return switch (comparator) {
                case "GT" -> cmp > 0;
                case "GTE" -> cmp >= 0;
                case "LT" -> cmp < 0;
                case "LTE" -> cmp <= 0;
                case "NE" -> cmp != 0;
                default -> cmp == 0;
            };
        }
    }
}
