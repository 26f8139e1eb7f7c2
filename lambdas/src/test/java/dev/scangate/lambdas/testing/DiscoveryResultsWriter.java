package dev.scangate.lambdas.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Writes Macie-style sensitive data discovery results (gzip JSON Lines) for a job. */
public final class DiscoveryResultsWriter {

    private final List<String> lines = new ArrayList<>();
    private final String jobId;
    private final String bucket;

    public DiscoveryResultsWriter(String jobId, String analysedBucket) {
        this.jobId = jobId;
        this.bucket = analysedBucket;
    }

    /** One record: {@code code} COMPLETE, PARTIAL or SKIPPED; {@code reason} may be null. */
    public DiscoveryResultsWriter result(String key, String code, String reason) {
        lines.add(Fixtures.read("macie/discovery-result.json", Map.of("jobId", jobId, "bucket", bucket,
                "key", key, "code", code, "reason", reason == null ? "null" : "\"" + reason + "\"")).strip());
        return this;
    }

    /** Writes the records as one object under {@code <prefix>/AWSLogs/<account>/Macie/<region>/<jobId>/}. */
    public void writeTo(S3Client s3, String resultsBucket, String prefix, String account) {
        var key = prefix + "/AWSLogs/" + account + "/Macie/us-east-1/" + jobId + "/" + UUID.randomUUID() + ".jsonl.gz";
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3.putObject(b -> b.bucket(resultsBucket).key(key), RequestBody.fromBytes(bytes.toByteArray()));
    }
}
