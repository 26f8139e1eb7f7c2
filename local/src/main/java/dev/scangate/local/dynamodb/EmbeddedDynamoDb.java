package dev.scangate.local.dynamodb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB in-process: DynamoDBLocal with one shared file database under the data directory, so
 * tables and items survive a restart. Bound to 127.0.0.1 on a free port; the edge endpoint
 * forwards {@code dynamodb} requests to it. Telemetry is off: nothing leaves the machine.
 */
public final class EmbeddedDynamoDb {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDynamoDb.class);

    private final Path databaseDirectory;
    private DynamoDBProxyServer server;
    private ServerConnector connector;

    private EmbeddedDynamoDb(Builder builder) {
        this.databaseDirectory = Objects.requireNonNull(builder.databaseDirectory, "databaseDirectory");
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized EmbeddedDynamoDb start() {
        if (server != null) {
            return this;
        }
        SqliteNatives.configure();
        try {
            Files.createDirectories(databaseDirectory);
            server = createQuietly(new String[] {
                "-dbPath", databaseDirectory.toAbsolutePath().toString(), "-sharedDb", "-disableTelemetry", "-port", "8000"});
            connector = loopbackConnector(server);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the DynamoDB directory " + databaseDirectory, e);
        } catch (Exception e) {
            // DynamoDBLocal declares Exception on start(); give it one meaning here
            throw new IllegalStateException("DynamoDBLocal failed to start on " + databaseDirectory + ": " + e.getMessage(), e);
        }
        LOG.info("DynamoDB database {} on port {}", databaseDirectory, getPort());
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("DynamoDBLocal did not stop cleanly: {}", e.toString());
            }
            server = null;
            connector = null;
        }
    }

    public synchronized int getPort() {
        if (connector == null) {
            throw new IllegalStateException("embedded DynamoDB is not started");
        }
        return connector.getLocalPort();
    }

    /** DynamoDBLocal prints its configuration to stdout, which belongs to the CLI's own output. */
    private static DynamoDBProxyServer createQuietly(String[] args) throws Exception {
        synchronized (System.class) {
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                return ServerRunner.createServerFromCommandLineArgs(args);
            } finally {
                System.setOut(stdout);
            }
        }
    }

    /** DynamoDBLocal has no host option; its Jetty connector is pointed at loopback before it binds. */
    private static ServerConnector loopbackConnector(DynamoDBProxyServer proxyServer) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxyServer);
        ServerConnector serverConnector = (ServerConnector) jetty.getConnectors()[0];
        serverConnector.setHost("127.0.0.1");
        // its CLI insists on a fixed port; the connector takes any free one instead
        serverConnector.setPort(0);
        return serverConnector;
    }

    public static final class Builder {
        private Path databaseDirectory;

        /** Where DynamoDBLocal keeps its {@code shared-local-instance.db}. */
        public Builder databaseDirectory(Path databaseDirectory) {
            this.databaseDirectory = databaseDirectory;
            return this;
        }

        public EmbeddedDynamoDb build() {
            return new EmbeddedDynamoDb(this);
        }
    }
}
