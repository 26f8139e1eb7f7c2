package dev.scangate.local.macie.api.core.finding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.api.core.MacieAccount;
import dev.scangate.local.macie.api.core.ObjectStore;
import dev.scangate.local.macie.api.core.Timestamps;
import dev.scangate.local.macie.api.core.job.ClassificationJob;
import dev.scangate.local.macie.api.core.job.JobScope;
import dev.scangate.local.macie.scanner.ScanResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds findings and discovery-result records in Macie's shape (aws-semantics.md section 2.2). */
public final class FindingFactory {

    private static final Map<String, String[]> TEXTS = Map.of(
            "SensitiveData:S3Object/Personal", new String[] {"The S3 object contains personal information.",
                "The object contains personal information such as first or last names, addresses, or identification"
                        + " numbers."},
            "SensitiveData:S3Object/Financial", new String[] {"The S3 object contains financial information.",
                "The S3 object contains financial information such as bank account numbers or credit card numbers."},
            "SensitiveData:S3Object/CustomIdentifier", new String[] {
                "The S3 object contains text that matches custom data identifier criteria",
                "The S3 object contains text that matches the criteria of one or more custom data identifiers. The"
                        + " object might contain multiple types of sensitive data."},
            "SensitiveData:S3Object/Credentials", new String[] {"The S3 object contains credentials data.",
                "The S3 object contains credentials data such as AWS secret access keys or private keys."},
            "SensitiveData:S3Object/Multiple", new String[] {
                "The S3 object contains multiple categories of sensitive data",
                "The S3 object contains more than one category of sensitive data."});

    private final ObjectMapper mapper;
    private final MacieAccount account;

    public FindingFactory(ObjectMapper mapper, MacieAccount account) {
        this.mapper = mapper;
        this.account = account;
    }

    public ObjectNode finding(ClassificationJob job, AnalysedObject object, ScanResult scan, String resultsLocation,
            Instant now) {
        var finding = mapper.createObjectNode();
        finding.put("accountId", account.accountId());
        finding.put("archived", false);
        finding.put("category", "CLASSIFICATION");
        var details = classificationDetails(job, scan.result());
        details.put("detailedResultsLocation", resultsLocation);
        finding.set("classificationDetails", details);
        finding.put("count", 1);
        finding.put("createdAt", Timestamps.format(now));
        var texts = TEXTS.getOrDefault(scan.findingType(), new String[] {scan.findingType(), scan.findingType()});
        finding.put("description", texts[1]);
        finding.put("id", UUID.randomUUID().toString().replace("-", ""));
        finding.put("partition", account.partition());
        finding.putNull("policyDetails");
        finding.put("region", account.region());
        var resources = mapper.createObjectNode();
        resources.set("s3Bucket", fullBucket(object.bucket()));
        resources.set("s3Object", s3Object(object, true));
        finding.set("resourcesAffected", resources);
        finding.put("sample", false);
        finding.put("schemaVersion", "1.0");
        var severity = finding.putObject("severity");
        severity.put("description", scan.severityDescription());
        severity.put("score", scan.severityScore());
        finding.put("title", texts[0]);
        finding.put("type", scan.findingType());
        finding.put("updatedAt", Timestamps.format(now));
        return finding;
    }

    /** One line of the sensitive data discovery results (statemachine/README.md). */
    public ObjectNode discoveryRecord(ClassificationJob job, AnalysedObject object, ObjectNode result) {
        var record = mapper.createObjectNode();
        record.set("classificationDetails", classificationDetails(job, result));
        var resources = record.putObject("resourcesAffected");
        var bucket = resources.putObject("s3Bucket");
        bucket.put("arn", "arn:aws:s3:::" + object.bucket().name());
        bucket.put("name", object.bucket().name());
        resources.set("s3Object", s3Object(object, false));
        return record;
    }

    /** The {@code result} of an object that was not analysed. */
    public ObjectNode skippedResult(String reason) {
        var result = mapper.createObjectNode();
        result.put("additionalOccurrences", false);
        var custom = result.putObject("customDataIdentifiers");
        custom.putArray("detections");
        custom.put("totalCount", 0);
        result.putNull("mimeType");
        result.putArray("sensitiveData");
        result.put("sizeClassified", 0);
        var status = result.putObject("status");
        status.put("code", "SKIPPED");
        status.put("reason", reason);
        return result;
    }

    private ObjectNode classificationDetails(ClassificationJob job, ObjectNode result) {
        var details = mapper.createObjectNode();
        details.put("jobArn", job.jobArn());
        details.put("jobId", job.jobId());
        details.put("originType", "SENSITIVE_DATA_DISCOVERY_JOB");
        details.set("result", result);
        return details;
    }

    private ObjectNode fullBucket(ObjectStore.BucketInfo bucket) {
        var node = mapper.createObjectNode();
        node.put("allowsUnencryptedObjectUploads", "TRUE");
        node.put("arn", "arn:aws:s3:::" + bucket.name());
        node.put("createdAt", Timestamps.format(bucket.createdAt()));
        var encryption = node.putObject("defaultServerSideEncryption");
        encryption.put("encryptionType", "NONE");
        encryption.putNull("kmsMasterKeyId");
        node.put("name", bucket.name());
        var owner = node.putObject("owner");
        // Local S3 servers often omit the display name; Macie always shows one.
        owner.put("displayName", bucket.ownerName() == null ? "local" : bucket.ownerName());
        owner.put("id", bucket.ownerId());
        var publicAccess = node.putObject("publicAccess");
        publicAccess.put("effectivePermission", "NOT_PUBLIC");
        publicAccess.putNull("permissionConfiguration");
        node.set("tags", tags(bucket.tags()));
        return node;
    }

    private ObjectNode s3Object(AnalysedObject object, boolean full) {
        var node = mapper.createObjectNode();
        var bucketName = object.bucket().name();
        node.put("bucketArn", "arn:aws:s3:::" + bucketName);
        node.put("eTag", unquoted(object.eTag()));
        node.put("extension", JobScope.extension(object.key()));
        node.put("key", object.key());
        node.put("lastModified", Timestamps.format(object.lastModified()));
        node.put("path", bucketName + "/" + object.key());
        if (full) {
            node.put("publicAccess", false);
            var encryption = node.putObject("serverSideEncryption");
            encryption.put("encryptionType", object.encryptionType() == null ? "NONE" : object.encryptionType());
            encryption.put("kmsMasterKeyId", object.kmsKeyId());
        }
        node.put("size", object.size());
        node.put("storageClass", object.storageClass() == null ? "STANDARD" : object.storageClass());
        if (full) {
            node.set("tags", tags(object.tags()));
        }
        node.put("versionId", object.versionId() == null || "null".equals(object.versionId()) ? "" : object.versionId());
        return node;
    }

    private ArrayNode tags(List<ObjectStore.Tag> tags) {
        var array = mapper.createArrayNode();
        tags.forEach(t -> array.addObject().put("key", t.key()).put("value", t.value()));
        return array;
    }

    private static String unquoted(String eTag) {
        if (eTag == null) {
            return "";
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
