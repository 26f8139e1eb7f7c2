package dev.scangate.lambdas.core.report;

/** Where an object went. */
public record Route(String bucket, String key) {
}
