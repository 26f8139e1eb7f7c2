package dev.scangate.lambdas.core.staging;

/**
 * One raw object version taken into a run. {@code contentType} is null: a listing does not return
 * it, and a HEAD per object at snapshot time would double the calls of a 100,000-object run; the
 * staged copy keeps the real content type.
 */
public record ManifestEntry(String key, String versionId, long sizeBytes, String eTag, String contentType) {
}
