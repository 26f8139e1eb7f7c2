package dev.scangate.lambdas.aws.macie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.document.Json;
import dev.scangate.lambdas.core.scan.DiscoveryResult;
import dev.scangate.lambdas.core.scan.DiscoveryResults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads Macie's sensitive data discovery results for a job: gzip JSON Lines under
 * {@code <prefix>/AWSLogs/<account>/Macie/<region>/<jobId>/}, one record per analysed object.
 */
public final class S3DiscoveryResults implements DiscoveryResults {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String accountId;
    private final String region;

    public S3DiscoveryResults(S3Client s3, String bucket, String prefix, String accountId, String region) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        this.accountId = accountId;
        this.region = region;
    }

    @Override
    public List<DiscoveryResult> forJob(String jobId) {
        var jobPrefix = (prefix.isEmpty() ? "" : prefix + "/") + "AWSLogs/" + accountId + "/Macie/" + region + "/" + jobId + "/";
        var results = new ArrayList<DiscoveryResult>();
        try {
            for (var object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(jobPrefix)).contents()) {
                if (object.key().endsWith(".jsonl.gz")) {
                    read(object.key(), results);
                }
            }
        } catch (NoSuchBucketException e) {
            var error = new StepInputException("MACIE_RESULTS_BUCKET", "bucket '" + bucket + "' does not exist");
            error.initCause(e);
            throw error;
        } catch (S3Exception e) {
            if (e.statusCode() >= 500 || e.isThrottlingException()) {
                throw new RetryableStepException("reading discovery results from " + bucket + " failed transiently", e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new RetryableStepException("S3 could not be reached for discovery results: " + e.getMessage(), e);
        }
        return results;
    }

    private void read(String key, List<DiscoveryResult> results) {
        try (var in = s3.getObject(b -> b.bucket(bucket).key(key));
             var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                results.add(parse(Json.mapper().readTree(line), key, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("discovery results s3://" + bucket + "/" + key + " are not gzip JSON Lines", e);
        }
    }

    private static DiscoveryResult parse(JsonNode record, String file, int line) {
        var status = record.path("classificationDetails").path("result").path("status");
        var s3Object = record.path("resourcesAffected").path("s3Object");
        var objectBucket = record.path("resourcesAffected").path("s3Bucket").path("name").asText(null);
        if (!s3Object.hasNonNull("key") || !status.hasNonNull("code")) {
            throw new IllegalStateException("discovery result line " + line + " of " + file
                    + " lacks resourcesAffected.s3Object.key or classificationDetails.result.status.code");
        }
        return new DiscoveryResult(objectBucket, s3Object.get("key").asText(), status.get("code").asText(),
                status.path("reason").isNull() ? null : status.path("reason").asText(null));
    }
}
