package dev.scangate.lambdas.core.storage;

/** The new version a copy created, and whether it was assembled from parts. */
public record CopyResult(String versionId, String eTag, boolean multipart) {
}
