package dev.scangate.local.macie.scanner.finding;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.scanner.ScanResult;
import dev.scangate.local.macie.scanner.format.FileType;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A sensitive data finding exactly as GetFindings returns it (aws-semantics.md §2.2), built from a
 * {@link ScanResult} and the object it describes. Used by the local Macie API and by {@code scan}.
 */
public final class SensitiveDataFinding {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private SensitiveDataFinding() { }

    public static Builder builder() {
        return new Builder();
    }

    /** Title and description per finding type (observed strings; Credentials/Multiple are unverified, §2.1). */
    public static String title(String type) {
        return switch (type) {
            case "SensitiveData:S3Object/Personal" -> "The S3 object contains personal information.";
            case "SensitiveData:S3Object/Financial" -> "The S3 object contains financial information.";
            case "SensitiveData:S3Object/Credentials" -> "The S3 object contains credentials data.";
            case "SensitiveData:S3Object/CustomIdentifier" ->
                    "The S3 object contains text that matches custom data identifier criteria";
            default -> "The S3 object contains multiple categories of sensitive data";
        };
    }

    public static String description(String type) {
        return switch (type) {
            case "SensitiveData:S3Object/Personal" ->
                    "The object contains personal information such as first or last names, addresses, or "
                            + "identification numbers.";
            case "SensitiveData:S3Object/Financial" ->
                    "The S3 object contains financial information such as bank account numbers or credit card "
                            + "numbers.";
            case "SensitiveData:S3Object/Credentials" ->
                    "The S3 object contains credentials data such as private keys or secret access keys.";
            case "SensitiveData:S3Object/CustomIdentifier" ->
                    "The S3 object contains text that matches the criteria of one or more custom data identifiers. "
                            + "The object might contain multiple types of sensitive data.";
            default -> "The S3 object contains more than one category of sensitive data.";
        };
    }

    public static final class Builder {
        private String id;
        private String accountId = "000000000000";
        private String region = "us-east-1";
        private String jobId;
        private String detailedResultsLocation;
        private Instant createdAt = Instant.now();
        private String bucket;
        private Instant bucketCreatedAt;
        private String key;
        private long size;
        private String eTag = "";
        private String versionId = "";
        private Instant lastModified;
        private String storageClass = "STANDARD";
        private ScanResult result;

        public Builder id(String v) {
            this.id = v;
            return this;
        }

        public Builder accountId(String v) {
            this.accountId = v;
            return this;
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        /** The classification job; none (null) for a local file scan. */
        public Builder jobId(String v) {
            this.jobId = v;
            return this;
        }

        public Builder detailedResultsLocation(String v) {
            this.detailedResultsLocation = v;
            return this;
        }

        public Builder createdAt(Instant v) {
            this.createdAt = v;
            return this;
        }

        public Builder bucket(String v) {
            this.bucket = v;
            return this;
        }

        public Builder bucketCreatedAt(Instant v) {
            this.bucketCreatedAt = v;
            return this;
        }

        public Builder key(String v) {
            this.key = v;
            return this;
        }

        public Builder size(long v) {
            this.size = v;
            return this;
        }

        /** Without surrounding quotes, as Macie writes it. */
        public Builder eTag(String v) {
            this.eTag = v == null ? "" : v.replace("\"", "");
            return this;
        }

        /** "" for an unversioned bucket. */
        public Builder versionId(String v) {
            this.versionId = v == null ? "" : v;
            return this;
        }

        public Builder lastModified(Instant v) {
            this.lastModified = v;
            return this;
        }

        public Builder storageClass(String v) {
            this.storageClass = v;
            return this;
        }

        public Builder result(ScanResult v) {
            this.result = v;
            return this;
        }

        /** @throws IllegalStateException when the result has no finding (Macie creates none then) */
        public ObjectNode build() {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(result, "result");
            if (!result.hasFinding()) {
                throw new IllegalStateException("the scan result has no finding");
            }
            String created = time(createdAt);
            ObjectNode f = JSON.objectNode();
            f.put("accountId", accountId);
            f.put("archived", false);
            f.put("category", "CLASSIFICATION");
            ObjectNode cd = f.putObject("classificationDetails");
            cd.put("detailedResultsLocation", detailedResultsLocation != null ? detailedResultsLocation
                    : "s3://[export-config-not-set]/AWSLogs/" + accountId + "/Macie/" + region + "/"
                            + (jobId == null ? "local" : jobId) + "/" + accountId + "/" + id + ".jsonl.gz");
            if (jobId == null) {
                cd.putNull("jobArn");
                cd.putNull("jobId");
            } else {
                cd.put("jobArn", "arn:aws:macie2:" + region + ":" + accountId + ":classification-job/" + jobId);
                cd.put("jobId", jobId);
            }
            cd.put("originType", "SENSITIVE_DATA_DISCOVERY_JOB");
            cd.set("result", result.result().deepCopy());
            f.put("count", 1);
            f.put("createdAt", created);
            f.put("description", description(result.findingType()));
            f.put("id", id);
            f.put("partition", "aws");
            f.putNull("policyDetails");
            f.put("region", region);
            ObjectNode ra = f.putObject("resourcesAffected");
            ObjectNode b = ra.putObject("s3Bucket");
            b.put("allowsUnencryptedObjectUploads", "UNKNOWN");
            b.put("arn", "arn:aws:s3:::" + bucket);
            if (bucketCreatedAt == null) {
                b.putNull("createdAt");
            } else {
                b.put("createdAt", time(bucketCreatedAt));
            }
            ObjectNode sse = b.putObject("defaultServerSideEncryption");
            sse.put("encryptionType", "NONE");
            sse.putNull("kmsMasterKeyId");
            b.put("name", bucket);
            ObjectNode owner = b.putObject("owner");
            owner.put("displayName", "local");
            owner.put("id", accountId);
            ObjectNode pa = b.putObject("publicAccess");
            pa.put("effectivePermission", "NOT_PUBLIC");
            b.putArray("tags");
            ObjectNode o = ra.putObject("s3Object");
            o.put("bucketArn", "arn:aws:s3:::" + bucket);
            o.put("eTag", eTag);
            o.put("extension", FileType.extensionOf(key));
            o.put("key", key);
            if (lastModified == null) {
                o.putNull("lastModified");
            } else {
                o.put("lastModified", time(lastModified));
            }
            o.put("path", bucket + "/" + key);
            o.put("publicAccess", false);
            ObjectNode osse = o.putObject("serverSideEncryption");
            osse.put("encryptionType", "NONE");
            osse.putNull("kmsMasterKeyId");
            o.put("size", size);
            o.put("storageClass", storageClass);
            o.putArray("tags");
            o.put("versionId", versionId);
            f.put("sample", false);
            f.put("schemaVersion", "1.0");
            ObjectNode sev = f.putObject("severity");
            sev.put("description", result.severityDescription());
            sev.put("score", result.severityScore());
            f.put("title", title(result.findingType()));
            f.put("type", result.findingType());
            f.put("updatedAt", created);
            return f;
        }

        private static String time(Instant t) {
            return ISO_MILLIS.format(t.truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
