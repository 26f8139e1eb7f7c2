package dev.scangate.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.local.cli.RuntimeAssembly;
import dev.scangate.local.macie.LocalMacieExtension;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import dev.scangate.local.sfn.LocalStepFunctionsExtension;
import dev.scangate.local.web.WebServer;
import dev.scangate.local.events.StoredEvent;
import dev.scangate.local.runtime.LocalConfig;
import dev.scangate.local.runtime.LocalResources;
import dev.scangate.local.runtime.LocalRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The whole local runtime as a user starts it, seen from outside: SDK clients on the edge
 * endpoint, the review pages over HTTP and the outbox directory. Only the run events come from
 * the runtime object, as {@code LocalRuntime.eventLog()} is how the runtime publishes them.
 */
public final class TestRuntime implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The console the runtime prints mail notices to; the tests read the .eml files instead. */
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    public static final String APPROVER = "reviewer@example.com";

    private final LocalRuntime runtime;
    private final S3Client s3;
    private final SfnClient sfn;
    private final Macie2Client macie;
    private final Outbox outbox;

    private TestRuntime(LocalRuntime runtime) {
        this.runtime = runtime;
        var clients = AwsClientFactory.forEndpoint(runtime.endpoint());
        this.s3 = clients.s3();
        this.sfn = clients.sfn();
        this.macie = clients.macie2();
        this.outbox = new Outbox(runtime.config().dataDir().resolve("outbox"));
    }

    /**
     * The settings the tests share: edge on a free port, the web server on {@code webPort} (review
     * links carry it, so a restarted runtime must get the same one), no schedule, a short scan
     * backoff and one approver.
     */
    public static LocalConfig.Builder config(Path dataDir, int webPort) {
        return LocalConfig.builder()
                .dataDir(dataDir)
                .port(0)
                .webPort(webPort)
                .schedule("off")
                .backoffFirstSeconds(1)
                .backoffFactor(1.5)
                .backoffCapSeconds(2)
                .approvers(List.of(APPROVER));
    }

    /** Starts the runtime exactly as {@code scangate local up} assembles it. */
    public static TestRuntime start(LocalConfig config) {
        return start(assemble(config));
    }

    /** The runtime as {@code scangate local up} assembles it, for a test to add to (an extension, step variables). */
    public static LocalRuntime.Builder assemble(LocalConfig config) {
        return RuntimeAssembly.assemble(config, QUIET);
    }

    /** Starts a runtime assembled by the caller (a test that swaps one part, e.g. a slow scanner). */
    public static TestRuntime start(LocalRuntime.Builder builder) {
        return new TestRuntime(builder.build().start());
    }

    /**
     * Starts the runtime with {@code scanner} as the local Macie's (a gated or failing one), the
     * Step Functions API, the web server and the outbox.
     */
    public static TestRuntime startWithScanner(LocalConfig config, SensitiveDataScanner scanner) {
        var mail = dev.scangate.local.mail.Outbox.builder().dataDirectory(config.dataDir()).console(QUIET).build();
        return start(LocalRuntime.builder()
                .config(config)
                .emailDelivery(n -> mail.deliver(n.to(), n.subject(), n.body()))
                .extension(new LocalMacieExtension(scanner))
                .extension(new LocalStepFunctionsExtension())
                .extension(new WebServer()));
    }

    public static PrintStream quietConsole() {
        return QUIET;
    }

    /**
     * A port nothing listens on right now, for a web server that must keep its port across a
     * restart (links mailed before it carry the port); otherwise web port 0 does.
     */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public S3Client s3() {
        return s3;
    }

    public SfnClient sfn() {
        return sfn;
    }

    public Macie2Client macie() {
        return macie;
    }

    public Outbox outbox() {
        return outbox;
    }

    public LocalConfig config() {
        return runtime.config();
    }

    /** Where the web server answers, on the port it bound (web port 0 picks one). */
    public URI webEndpoint() {
        return runtime.webEndpoint();
    }

    // --- objects --------------------------------------------------------------------------

    public void putRaw(String key, byte[] content) {
        s3.putObject(b -> b.bucket(LocalResources.RAW_BUCKET).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
    }

    /** The keys under {@code prefix} that have a current version (a delete marker on top hides a key). */
    public List<String> keys(String bucket, String prefix) {
        var keys = new ArrayList<String>();
        // s3mock still lists a key whose latest version is a delete marker; S3 does not, so check each
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).filter(key -> exists(bucket, key)).forEach(keys::add);
        return keys;
    }

    public boolean exists(String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Every version and delete marker under {@code prefix}, as {@code key@versionId}: what is left, recoverable or not. */
    public List<String> versionsUnder(String bucket, String prefix) {
        var versions = new ArrayList<String>();
        s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix)).forEach(page -> {
            page.versions().forEach(v -> versions.add(v.key() + "@" + v.versionId()));
            page.deleteMarkers().forEach(m -> versions.add(m.key() + "@" + m.versionId() + " (delete marker)"));
        });
        return versions;
    }

    public byte[] read(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    public java.util.Map<String, String> tags(String bucket, String key) {
        var tags = new java.util.TreeMap<String, String>();
        s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().forEach((Tag t) -> tags.put(t.key(), t.value()));
        return tags;
    }

    /** How many versions (delete markers not counted) of exactly {@code key} the bucket holds. */
    public int versionCount(String bucket, String key) {
        var response = s3.listObjectVersions(b -> b.bucket(bucket).prefix(key));
        return (int) response.versions().stream().filter(v -> v.key().equals(key)).count();
    }

    public JsonNode report(String runId) {
        try {
            return JSON.readTree(read(LocalResources.SCAN_STAGE_BUCKET, "reports/" + runId + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("the report of run " + runId + " is not JSON", e);
        }
    }

    /** The report entry of the object whose original key is {@code key}. */
    public JsonNode reportObject(String runId, String key) {
        for (JsonNode o : report(runId).path("objects")) {
            if (o.path("key").asText().equals(key)) {
                return o;
            }
        }
        throw new AssertionError("the report of run " + runId + " has no object " + key);
    }

    // --- runs -----------------------------------------------------------------------------

    /** Starts a pipeline run the way {@code scangate run} does: execution name and input id = run id. */
    public String startRun(String runId) {
        return sfn.startExecution(b -> b.stateMachineArn(LocalResources.STATE_MACHINE_ARN).name(runId)
                .input("{\"id\":\"" + runId + "\"}")).executionArn();
    }

    public DescribeExecutionResponse describe(String executionArn) {
        return sfn.describeExecution(b -> b.executionArn(executionArn));
    }

    /** Waits until the execution is no longer RUNNING and returns how it ended. */
    public DescribeExecutionResponse awaitEnd(String executionArn) {
        return Waits.until("the end of " + executionArn, () -> Optional.of(describe(executionArn))
                .filter(d -> d.status() != ExecutionStatus.RUNNING && d.status() != ExecutionStatus.PENDING_REDRIVE));
    }

    /** Waits until the run's approval mail is in the outbox (the run then waits at RequestApproval). */
    public Mail awaitApprovalRequest(String runId) {
        return outbox.awaitApprovalRequest(runId);
    }

    public List<StoredEvent> events(String runId) {
        return runtime.eventLog().eventsForRun(runId);
    }

    public List<String> eventTypes(String runId) {
        return events(runId).stream().map(StoredEvent::detailType).toList();
    }

    @Override
    public void close() {
        s3.close();
        sfn.close();
        macie.close();
        runtime.stop();
    }
}
