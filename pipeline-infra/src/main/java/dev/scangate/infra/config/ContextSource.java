package dev.scangate.infra.config;

/** Where context values come from: the CDK node in the app, a plain map in tests. */
@FunctionalInterface
public interface ContextSource {

    /** The raw value for a key, or null when it is not set. */
    Object get(String key);
}
