package dev.scangate.lambdas.testing;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The four pipeline buckets (versioned) and the step environment that names them, pointed at one
 * endpoint. {@code with} adds or overrides variables.
 */
public final class PipelineBuckets {

    public static final String RAW = "scangate-raw";
    public static final String SCAN_STAGE = "scangate-scan-stage";
    public static final String MANUAL_REVIEW = "scangate-manual-review";
    public static final String CURATED = "scangate-curated";
    public static final String RESULTS = "scangate-macie-results";

    private final Map<String, String> environment = new HashMap<>();

    private PipelineBuckets(URI endpoint) {
        environment.put("AWS_ENDPOINT_URL", endpoint.toString());
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        environment.put("RAW_BUCKET", RAW);
        environment.put("SCAN_STAGE_BUCKET", SCAN_STAGE);
        environment.put("MANUAL_REVIEW_BUCKET", MANUAL_REVIEW);
        environment.put("CURATED_BUCKET", CURATED);
        environment.put("MACIE_ACCOUNT_ID", "000000000000");
        environment.put("MACIE_RESULTS_BUCKET", RESULTS);
        environment.put("MACIE_RESULTS_PREFIX", "discovery");
    }

    /** Creates the buckets (versioned) in s3mock and returns the environment naming them. */
    public static PipelineBuckets create(S3MockExtension s3) {
        var buckets = s3.buckets();
        for (var name : new String[] {RAW, SCAN_STAGE, MANUAL_REVIEW, CURATED, RESULTS}) {
            buckets.createVersioned(name);
        }
        return new PipelineBuckets(s3.endpoint());
    }

    public PipelineBuckets with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public PipelineBuckets without(String name) {
        environment.remove(name);
        return this;
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }
}
