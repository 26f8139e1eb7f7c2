package dev.scangate.lambdas.core.config;

import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.storage.BucketNotFoundException;

/** The four buckets, from {@code RAW_BUCKET}, {@code SCAN_STAGE_BUCKET}, ... */
public record BucketNames(String raw, String scanStage, String manualReview, String curated) {

    public static BucketNames from(Environment environment) {
        return new BucketNames(environment.required("RAW_BUCKET"), environment.required("SCAN_STAGE_BUCKET"),
                environment.required("MANUAL_REVIEW_BUCKET"), environment.required("CURATED_BUCKET"));
    }

    /** Turns a missing bucket into an input error naming the variable that configured it. */
    public StepInputException misconfigured(BucketNotFoundException missing) {
        var bucket = missing.bucket();
        String variable;
        if (bucket.equals(raw)) {
            variable = "RAW_BUCKET";
        } else if (bucket.equals(scanStage)) {
            variable = "SCAN_STAGE_BUCKET";
        } else if (bucket.equals(manualReview)) {
            variable = "MANUAL_REVIEW_BUCKET";
        } else if (bucket.equals(curated)) {
            variable = "CURATED_BUCKET";
        } else {
            variable = "bucket";
        }
        var error = new StepInputException(variable, "bucket '" + bucket + "' does not exist");
        error.initCause(missing);
        return error;
    }
}
