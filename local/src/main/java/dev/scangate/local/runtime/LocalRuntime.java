package dev.scangate.local.runtime;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.local.dynamodb.EmbeddedDynamoDb;
import dev.scangate.local.edge.EdgeServer;
import dev.scangate.local.events.EventLog;
import dev.scangate.local.events.LocalEventBridgeServer;
import dev.scangate.local.net.PortInUseException;
import dev.scangate.local.net.Ports;
import dev.scangate.local.s3.EmbeddedS3;
import dev.scangate.local.schedule.ScheduledTick;
import dev.scangate.local.schedule.Scheduler;
import dev.scangate.local.sns.EmailDelivery;
import dev.scangate.local.sns.LocalSnsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local stack in one JVM: S3 and DynamoDB behind the edge endpoint, the SNS and
 * EventBridge stand-ins on it, the resources provisioned, then the extensions (local Macie, local
 * Step Functions, web server) and the scheduler. Start is all or nothing: a failure stops what
 * already started and reports the cause.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

    private final LocalConfig config;
    private final EmailDelivery emailDelivery;
    private final List<RuntimeExtension> extensions;
    private final Consumer<ScheduledTick> onSchedule;
    private final Clock clock;
    private final Map<String, String> extraStepEnvironment;
    private final Deque<Runnable> stopActions = new ArrayDeque<>();
    private DataDirectory dataDirectory;
    private EdgeServer edge;
    private URI webEndpoint;
    private EventLog eventLog;
    private RuntimeContext context;
    private boolean started;

    private LocalRuntime(Builder builder) {
        this.config = Objects.requireNonNull(builder.config, "config");
        this.emailDelivery = builder.emailDelivery;
        this.extensions = List.copyOf(builder.extensions);
        this.onSchedule = builder.onSchedule;
        this.clock = builder.clock;
        this.extraStepEnvironment = Map.copyOf(builder.stepEnvironment);
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized LocalRuntime start() {
        if (started) {
            return this;
        }
        try {
            Ports.requireFree("edge endpoint", LocalConfig.HOST, config.port(), "choose another with --port");
            webEndpoint = URI.create("http://" + LocalConfig.HOST + ":" + bindWebServer());
            dataDirectory = DataDirectory.open(config.dataDir());
            stopActions.push(dataDirectory::close);

            var s3 = EmbeddedS3.builder().root(dataDirectory.s3()).build().start();
            stopActions.push(s3::stop);
            var dynamoDb = EmbeddedDynamoDb.builder().databaseDirectory(dataDirectory.dynamoDb()).build().start();
            stopActions.push(dynamoDb::stop);
            eventLog = EventLog.open(dataDirectory.events().resolve("events.jsonl"));
            var sns = LocalSnsServer.builder().directory(dataDirectory.sns())
                    .emailDelivery(emailDelivery != null ? emailDelivery : new LoggingEmailDelivery(System.out)).build();
            var events = LocalEventBridgeServer.builder().directory(dataDirectory.events()).eventLog(eventLog).build();

            edge = EdgeServer.builder().host(LocalConfig.HOST).port(config.port())
                    .proxy("s3", s3.getPort())
                    .proxy("dynamodb", dynamoDb.getPort())
                    .register("sns", sns.handler())
                    .register("events", events.handler())
                    .build()
                    .start();
            stopActions.push(edge::stop);

            var clients = AwsClientFactory.forEndpoint(edge.endpoint());
            try (var s3Client = clients.s3(); var dynamoDbClient = clients.dynamoDb(); var snsClient = clients.sns()) {
                new Provisioner(s3Client, dynamoDbClient, snsClient).provision(config.approvers());
            }
            context = new RuntimeContext(config, dataDirectory, edge, webEndpoint, clients, eventLog, stepEnvironment());

            // Extension point: the local Macie ("macie2") and Step Functions ("states") APIs, the
            // web server and anything else register here, in order, through RuntimeExtension.
            for (var extension : extensions) {
                extension.start(context);
                stopActions.push(extension::stop);
                LOG.info("{} started", extension.name());
            }

            config.scheduleExpression().ifPresent(expression -> {
                if (onSchedule == null) {
                    LOG.info("schedule {} is set but no pipeline trigger is plugged in; it will not fire", config.schedule());
                    return;
                }
                var scheduler = Scheduler.builder().schedule(expression).clock(clock).callback(onSchedule).build();
                scheduler.start();
                stopActions.push(scheduler::stop);
            });
            started = true;
            LOG.info("local runtime up: edge {}, data {}", edge.endpoint(), dataDirectory.root());
            return this;
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        }
    }

    public synchronized void stop() {
        if (started) {
            started = false;
            stopAll();
            LOG.info("local runtime stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    public LocalConfig config() {
        return config;
    }

    public synchronized URI endpoint() {
        requireStarted();
        return edge.endpoint();
    }

    /**
     * Where the web server answers, with the port it is bound to (with web port 0, a free one
     * chosen at start); without a web server, the configured port.
     */
    public synchronized URI webEndpoint() {
        requireStarted();
        return webEndpoint;
    }

    public synchronized DataDirectory dataDirectory() {
        requireStarted();
        return dataDirectory;
    }

    public synchronized EventLog eventLog() {
        requireStarted();
        return eventLog;
    }

    public synchronized RuntimeContext context() {
        requireStarted();
        return context;
    }

    /** SDK clients pointed at the edge endpoint. */
    public AwsClientFactory clients() {
        return AwsClientFactory.forEndpoint(endpoint());
    }

    /**
     * The Lambda environment the pipeline steps get locally (see the table in
     * {@code statemachine/README.md}): the same variables the stack sets, with local values.
     */
    public synchronized Map<String, String> stepEnvironment() {
        var env = new LinkedHashMap<String, String>();
        env.put("AWS_ENDPOINT_URL", edge.endpoint().toString());
        env.put("AWS_REGION", LocalConfig.REGION);
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("RAW_BUCKET", LocalResources.RAW_BUCKET);
        env.put("SCAN_STAGE_BUCKET", LocalResources.SCAN_STAGE_BUCKET);
        env.put("MANUAL_REVIEW_BUCKET", LocalResources.MANUAL_REVIEW_BUCKET);
        env.put("CURATED_BUCKET", LocalResources.CURATED_BUCKET);
        env.put("MACIE_ACCOUNT_ID", LocalConfig.ACCOUNT);
        env.put("MACIE_RESULTS_BUCKET", LocalResources.MACIE_RESULTS_BUCKET);
        env.put("MACIE_RESULTS_PREFIX", LocalResources.MACIE_RESULTS_PREFIX);
        env.put("MANAGED_IDENTIFIER_SELECTOR", config.managedIdentifierSelector());
        env.put("MANAGED_IDENTIFIER_IDS", String.join(",", config.managedIdentifierIds()));
        env.put("CUSTOM_DATA_IDENTIFIER_IDS", String.join(",", config.customDataIdentifierIds()));
        env.put("ALLOW_LIST_IDS", String.join(",", config.allowListIds()));
        env.put("EVENT_BUS_NAME", LocalResources.EVENT_BUS);
        env.put("APPROVAL_TABLE", LocalResources.APPROVAL_TABLE);
        env.put("APPROVAL_TOPIC_ARN", LocalResources.topicArn(LocalResources.APPROVAL_TOPIC));
        env.put("APPROVAL_BASE_URL", webEndpoint.toString());
        env.put("APPROVAL_SIGNING_KEY", dataDirectory.approvalSigningKey());
        env.put("APPROVERS", String.join(",", config.approvers()));
        extraStepEnvironment.forEach((name, value) -> {
            if (env.containsKey(name)) {
                // the runtime's own wiring (endpoint, buckets, keys) is what makes the steps local
                throw new IllegalArgumentException("step environment variable " + name + " is set by the runtime");
            }
            env.put(name, value);
        });
        return env;
    }

    /**
     * Binds the web server before anything else starts: a taken port is reported up front, and
     * with port 0 the chosen port is known before the steps get {@code APPROVAL_BASE_URL}, so the
     * mailed links point at it. Without a web server, links carry the configured port.
     */
    private int bindWebServer() {
        var webServers = extensions.stream().filter(WebServerExtension.class::isInstance)
                .map(WebServerExtension.class::cast).toList();
        if (webServers.isEmpty()) {
            return config.webPort();
        }
        if (webServers.size() > 1) {
            throw new IllegalStateException("only one web server can bind the web port, got " + webServers.size());
        }
        var webServer = webServers.get(0);
        int bound;
        try {
            bound = webServer.bind(LocalConfig.HOST, config.webPort());
        } catch (BindException e) {
            throw new PortInUseException("web server", LocalConfig.HOST, config.webPort(), "choose another with --web-port");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the web server on " + LocalConfig.HOST + ":" + config.webPort(), e);
        }
        // released on a failed start too; stop() is idempotent, so the extension's own stop action does no harm
        stopActions.push(webServer::stop);
        return bound;
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the local runtime is not started");
        }
    }

    private void stopAll() {
        while (!stopActions.isEmpty()) {
            try {
                stopActions.pop().run();
            } catch (RuntimeException e) {
                LOG.warn("a component did not stop cleanly: {}", e.toString());
            }
        }
    }

    /**
     * The extension that serves {@link LocalConfig#webPort()}. The runtime has it bind first, before
     * anything starts, and hands the bound port to everything that prints or mails a link.
     */
    public interface WebServerExtension extends RuntimeExtension {

        /**
         * Binds (does not yet serve) {@code host:port}; port 0 picks a free one.
         *
         * @return the bound port
         * @throws BindException when the port is taken
         */
        int bind(String host, int port) throws IOException;
    }

    public static final class Builder {
        private LocalConfig config = LocalConfig.defaults();
        private EmailDelivery emailDelivery;
        private final List<RuntimeExtension> extensions = new ArrayList<>();
        private Consumer<ScheduledTick> onSchedule;
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> stepEnvironment = new LinkedHashMap<>();

        public Builder config(LocalConfig config) {
            this.config = config;
            return this;
        }

        /** Where the SNS stand-in delivers email (the outbox); by default it is printed. */
        public Builder emailDelivery(EmailDelivery emailDelivery) {
            this.emailDelivery = emailDelivery;
            return this;
        }

        public Builder extension(RuntimeExtension extension) {
            extensions.add(Objects.requireNonNull(extension, "extension"));
            return this;
        }

        /** What the scheduler does on each tick: start a pipeline execution with the tick's id. */
        public Builder onSchedule(Consumer<ScheduledTick> onSchedule) {
            this.onSchedule = onSchedule;
            return this;
        }

        /** The scheduler's clock (tests use a fixed one). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Extra Lambda environment for the pipeline steps, as one sets it on the stack's functions:
         * the tuning variables of {@code statemachine/README.md} (e.g. {@code CHUNK_OBJECTS},
         * {@code COPY_CONCURRENCY}). Variables the runtime sets itself cannot be replaced; start fails.
         */
        public Builder stepEnvironment(Map<String, String> variables) {
            variables.forEach((name, value) -> stepEnvironment.put(Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(value, "value of " + name)));
            return this;
        }

        public LocalRuntime build() {
            return new LocalRuntime(this);
        }
    }
}
