package dev.scangate.lambdas.core.storage;

/** A latest version found by listing a bucket. {@code eTag} is without quotes. */
public record ListedObject(String key, String versionId, long sizeBytes, String eTag) {
}
