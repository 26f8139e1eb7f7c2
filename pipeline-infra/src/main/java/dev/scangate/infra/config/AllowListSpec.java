package dev.scangate.infra.config;

/** A Macie allow list (regex criterion) the stack creates. */
public record AllowListSpec(String name, String regex) {
}
