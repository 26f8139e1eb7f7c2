package dev.scangate.local.runtime;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.local.edge.EdgeServer;
import dev.scangate.local.events.EventLog;
import java.net.URI;
import java.util.Map;

/**
 * What an extension gets from the running core: configuration, the data directory, the edge (to
 * register a service on), where the web server answers (its bound port, for links), SDK clients
 * pointed at the edge, the event log and the step functions' environment.
 */
public record RuntimeContext(
        LocalConfig config,
        DataDirectory dataDirectory,
        EdgeServer edge,
        URI webEndpoint,
        AwsClientFactory clients,
        EventLog eventLog,
        Map<String, String> stepEnvironment) {

    public RuntimeContext {
        stepEnvironment = Map.copyOf(stepEnvironment);
    }

    public URI edgeEndpoint() {
        return edge.endpoint();
    }

    /** The ASL placeholders' local values, for creating the pipeline state machine. */
    public Map<String, String> definitionSubstitutions() {
        return LocalResources.definitionSubstitutions(config);
    }
}
