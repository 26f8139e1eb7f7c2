package dev.scangate.local.runtime;

/**
 * A part of the runtime built elsewhere and plugged in here: the local Macie and Step Functions
 * APIs (which {@code register} their handlers on {@code context.edge()}), the web server (a
 * {@link LocalRuntime.WebServerExtension}, bound before anything starts), the scheduler's pipeline
 * trigger. Extensions start in the order they were added, after the core services are up and
 * provisioned, and stop in reverse.
 */
public interface RuntimeExtension {

    /** A name for messages, e.g. {@code "local Macie"}. */
    String name();

    void start(RuntimeContext context);

    void stop();
}
