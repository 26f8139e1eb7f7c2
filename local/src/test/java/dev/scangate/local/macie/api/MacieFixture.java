package dev.scangate.local.macie.api;

import dev.scangate.lambdas.aws.AwsClientFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.s3.S3Client;

/** A started local Macie over the shared s3mock, a real Macie2Client pointed at it, and S3 helpers. */
@SuppressWarnings("unchecked") // the SDK builders take Consumer varargs
final class MacieFixture implements AutoCloseable {

    static final String RESULTS_BUCKET = "macie-results";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final S3Client s3;
    final LocalMacieServer server;
    final Macie2Client macie;
    final URI endpoint;

    MacieFixture(UnaryOperator<LocalMacieServer.Builder> configure) {
        s3 = LocalS3.client();
        ensureBucket(RESULTS_BUCKET);
        server = configure.apply(LocalMacieServer.builder().s3(s3).scanner(new MarkerScanner())
                .resultsLocation("s3://" + RESULTS_BUCKET + "/discovery")).build();
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getPort());
        macie = AwsClientFactory.forEndpoint(endpoint).macie2();
    }

    static MacieFixture started() {
        return new MacieFixture(b -> b);
    }

    /** A fresh bucket per test, so tests never see each other's objects. */
    String newBucket() {
        var name = "bkt-" + UUID.randomUUID().toString().substring(0, 12);
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    void ensureBucket(String name) {
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(name))) {
            s3.createBucket(b -> b.bucket(name));
        }
    }

    void put(String bucket, String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    String createJob(String bucket, String clientToken) {
        return macie.createClassificationJob(r -> r.clientToken(clientToken).name("job-" + clientToken)
                .jobType("ONE_TIME").managedDataIdentifierSelector("ALL")
                .s3JobDefinition(d -> d.bucketDefinitions(b -> b.accountId("000000000000").buckets(bucket))))
                .jobId();
    }

    /** Polls DescribeClassificationJob until the job leaves RUNNING (Macie has no waiter for this either). */
    JobStatus awaitFinished(String jobId) {
        for (int i = 0; i < 600; i++) {
            var status = macie.describeClassificationJob(r -> r.jobId(jobId)).jobStatus();
            if (status != JobStatus.RUNNING) {
                return status;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("job " + jobId + " still RUNNING after 30 s");
    }

    /** Every discovery-result record written for a job, read back from the results bucket. */
    List<JsonNode> discoveryRecords(String jobId) {
        var records = new ArrayList<JsonNode>();
        var prefix = "discovery/AWSLogs/000000000000/Macie/us-east-1/" + jobId + "/";
        for (var object : s3.listObjectsV2Paginator(b -> b.bucket(RESULTS_BUCKET).prefix(prefix)).contents()) {
            var bytes = s3.getObjectAsBytes(b -> b.bucket(RESULTS_BUCKET).key(object.key())).asByteArray();
            try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        records.add(MAPPER.readTree(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    @Override
    public void close() {
        macie.close();
        server.stop();
    }
}
