package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.lambdas.aws.macie.MacieFindings;
import dev.scangate.lambdas.aws.macie.S3DiscoveryResults;
import dev.scangate.lambdas.aws.s3.S3ObjectStore;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.Environment;
import dev.scangate.lambdas.core.document.RunDocuments;
import dev.scangate.lambdas.core.report.Severity;
import dev.scangate.lambdas.core.scan.CollectFindings;
import dev.scangate.lambdas.core.scan.DiscoveryResults;
import dev.scangate.lambdas.core.scan.Findings;
import dev.scangate.lambdas.core.storage.ObjectStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code {runId, jobId, jobStatus, severityThreshold}} → {@code {reportKey, counts}}. */
public final class CollectFindingsHandler extends JsonStreamHandler {

    private final Findings findings;
    private final Function<String, Optional<DiscoveryResults>> discoveryResultsForAccount;
    private final RunDocuments documents;
    private final Environment environment;
    private final boolean requireDiscoveryResults;

    public CollectFindingsHandler() {
        this(System.getenv());
    }

    public CollectFindingsHandler(Map<String, String> environment) {
        this(AwsClientFactory.fromEnvironment(environment), Environment.of(environment));
    }

    private CollectFindingsHandler(AwsClientFactory clients, Environment environment) {
        this(new MacieFindings(clients.macie2()), account -> environment.optional("MACIE_RESULTS_BUCKET")
                        .map(bucket -> new S3DiscoveryResults(clients.s3(), bucket,
                                environment.string("MACIE_RESULTS_PREFIX", ""), account, clients.region().id())),
                S3ObjectStore.fromEnvironment(clients, environment), environment);
    }

    CollectFindingsHandler(Findings findings, Function<String, Optional<DiscoveryResults>> discoveryResultsForAccount,
                           ObjectStore store, Environment environment) {
        this.findings = findings;
        this.discoveryResultsForAccount = discoveryResultsForAccount;
        this.environment = environment;
        this.documents = new RunDocuments(store, environment.required("SCAN_STAGE_BUCKET"));
        this.requireDiscoveryResults = environment.bool("REQUIRE_DISCOVERY_RESULTS", true);
        if (requireDiscoveryResults) {
            environment.required("MACIE_RESULTS_BUCKET");
        }
    }

    @Override
    protected Object handle(Payload payload, Context context) {
        var runId = payload.runId();
        var jobStatus = payload.requiredString("jobStatus");
        var jobId = payload.optionalString("jobId").orElse(null);
        if (jobId == null && "COMPLETE".equals(jobStatus)) {
            throw new StepInputException("jobId", "is required when jobStatus is COMPLETE");
        }
        var thresholdText = payload.requiredString("severityThreshold");
        var threshold = Severity.find(thresholdText).orElseThrow(() -> new StepInputException("severityThreshold",
                "must be LOW, MEDIUM or HIGH, got '" + thresholdText + "'"));
        var discovery = environment.optional("MACIE_RESULTS_BUCKET").isPresent()
                ? discoveryResultsForAccount.apply(AccountIds.resolve(environment, context))
                : Optional.<DiscoveryResults>empty();
        var collect = new CollectFindings(findings, discovery, documents, requireDiscoveryResults, Clock.systemUTC());
        return collect.collect(runId, jobId, jobStatus, threshold);
    }
}
