package dev.scangate.local.macie.api.core.job;

import dev.scangate.local.macie.api.core.MacieAccount;
import java.util.Objects;

/** Where sensitive data discovery results go ({@code s3://bucket/prefix}), like Macie's results repository. */
public record ResultsLocation(String bucket, String prefix) {

    public ResultsLocation {
        Objects.requireNonNull(bucket, "bucket");
        prefix = prefix == null ? "" : stripSlashes(prefix);
    }

    /** Parses {@code s3://bucket} or {@code s3://bucket/prefix}. */
    public static ResultsLocation parse(String uri) {
        if (uri == null || !uri.startsWith("s3://") || uri.length() == "s3://".length()) {
            throw new IllegalArgumentException("results location must look like s3://bucket/prefix, got '" + uri + "'");
        }
        var rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new ResultsLocation(rest, "") : new ResultsLocation(rest.substring(0, slash),
                rest.substring(slash + 1));
    }

    /** The object key of one results file of a job. */
    public String key(MacieAccount account, String jobId, String fileId) {
        return jobPrefix(account, jobId) + fileName(fileId);
    }

    /** The prefix under which every results file of a job lies (ends with a slash). */
    public String jobPrefix(MacieAccount account, String jobId) {
        return (prefix.isEmpty() ? "" : prefix + "/") + jobDirectory(account, jobId);
    }

    /** The location findings cite when no results repository is configured (Macie's literal placeholder). */
    public static String unconfigured(MacieAccount account, String jobId, String fileId) {
        return "s3://[export-config-not-set]/" + jobDirectory(account, jobId) + fileName(fileId);
    }

    private static String jobDirectory(MacieAccount account, String jobId) {
        return "AWSLogs/" + account.accountId() + "/Macie/" + account.region() + "/" + jobId + "/";
    }

    private static String fileName(String fileId) {
        return fileId + ".jsonl.gz";
    }

    private static String stripSlashes(String value) {
        var s = value;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
