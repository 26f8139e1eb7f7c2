package dev.scangate.lambdas.core.storage;

/** A configured bucket does not exist (or is not visible to us). */
public class BucketNotFoundException extends RuntimeException {

    private final String bucket;

    public BucketNotFoundException(String bucket, Throwable cause) {
        super("bucket '" + bucket + "' does not exist", cause);
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }
}
