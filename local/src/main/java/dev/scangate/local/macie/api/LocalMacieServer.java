package dev.scangate.local.macie.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.scangate.local.http.JdkHttpServers;
import dev.scangate.local.macie.api.core.MacieAccount;
import dev.scangate.local.macie.api.core.MacieState;
import dev.scangate.local.macie.api.core.SessionService;
import dev.scangate.local.macie.api.core.StateRepository;
import dev.scangate.local.macie.api.core.finding.FindingFactory;
import dev.scangate.local.macie.api.core.finding.FindingService;
import dev.scangate.local.macie.api.core.identifier.AllowListService;
import dev.scangate.local.macie.api.core.identifier.CustomDataIdentifierService;
import dev.scangate.local.macie.api.core.identifier.ManagedDataIdentifiers;
import dev.scangate.local.macie.api.core.job.JobRunner;
import dev.scangate.local.macie.api.core.job.JobService;
import dev.scangate.local.macie.api.core.job.ResultsLocation;
import dev.scangate.local.macie.api.http.MacieRoutes;
import dev.scangate.local.macie.api.s3.S3ObjectStore;
import dev.scangate.local.macie.api.store.JsonFileStateRepository;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A local Amazon Macie (macie2 rest-json API) whose classification jobs scan objects in S3 with a
 * {@link SensitiveDataScanner}. Serve it on its own port with {@link #start()}, or in-process on the
 * edge endpoint through {@link #handler()}.
 *
 * <pre>{@code
 * var macie = LocalMacieServer.builder().s3(s3Client).scanner(scanner)
 *         .resultsLocation("s3://scangate-macie-results/discovery").build();
 * macie.start();
 * }</pre>
 */
public final class LocalMacieServer {

    private final Builder config;
    private final JobRunner runner;
    private final HttpHandler handler;
    private HttpServer server;
    private ExecutorService serverExecutor;

    private LocalMacieServer(Builder config) {
        this.config = config;
        var mapper = new ObjectMapper();
        var repository = config.dataDirectory == null ? StateRepository.inMemory()
                : JsonFileStateRepository.inDirectory(config.dataDirectory);
        var state = new MacieState(repository);
        var store = S3ObjectStore.create(config.s3);
        var session = new SessionService(state, config.clock, config.autoEnable);
        var managed = ManagedDataIdentifiers.create();
        var customIdentifiers = new CustomDataIdentifierService(state, config.account, config.clock, config.scanner);
        var allowLists = new AllowListService(state, config.account, config.clock, store);
        var results = config.resultsLocation == null ? null : ResultsLocation.parse(config.resultsLocation);
        this.runner = new JobRunner(state, store, config.scanner, allowLists,
                new FindingFactory(mapper, config.account), mapper, config.account, config.clock,
                new JobRunner.Settings(config.jobDelay, results, config.recordsPerFile, config.jobThreads));
        var jobs = new JobService(state, config.account, config.clock, managed, customIdentifiers, allowLists, runner);
        this.handler = MacieRoutes.handler(mapper, session, jobs, new FindingService(state), customIdentifiers,
                managed, allowLists);
        runner.resumeUnfinished();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The macie2 wire protocol, for serving on a shared port (the edge endpoint). */
    public HttpHandler handler() {
        return handler;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = JdkHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the local Macie can't listen on 127.0.0.1:" + config.port, e);
        }
        serverExecutor = Executors.newFixedThreadPool(4, r -> {
            var thread = new Thread(r, "local-macie-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(serverExecutor);
        server.createContext("/", handler);
        server.start();
    }

    /** Stops serving and stops running jobs (a RUNNING job resumes at the next start if state is persisted). */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            serverExecutor.shutdownNow();
            server = null;
        }
        runner.close();
    }

    public synchronized int getPort() {
        if (server == null) {
            throw new IllegalStateException("the local Macie is not started");
        }
        return server.getAddress().getPort();
    }

    /** Configuration; only {@code s3} and {@code scanner} are required. */
    public static final class Builder {
        private S3Client s3;
        private SensitiveDataScanner scanner;
        private Path dataDirectory;
        private String resultsLocation;
        private Duration jobDelay = Duration.ZERO;
        private boolean autoEnable = true;
        private int port;
        private MacieAccount account = MacieAccount.local();
        private Clock clock = Clock.systemUTC();
        private int recordsPerFile = 1000;
        private int jobThreads = 2;

        private Builder() {
        }

        /** The client jobs read objects, word lists and write discovery results with. */
        public Builder s3(S3Client s3) {
            this.s3 = s3;
            return this;
        }

        public Builder scanner(SensitiveDataScanner scanner) {
            this.scanner = scanner;
            return this;
        }

        /** Keep jobs, findings, identifiers and allow lists in this directory across restarts. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** {@code s3://bucket/prefix} for sensitive data discovery results; none by default. */
        public Builder resultsLocation(String resultsLocation) {
            this.resultsLocation = resultsLocation;
            return this;
        }

        /** How long a job waits before it starts scanning, to imitate Macie's latency. */
        public Builder jobDelay(Duration jobDelay) {
            this.jobDelay = Objects.requireNonNull(jobDelay, "jobDelay");
            return this;
        }

        /** Whether Macie starts enabled (default) or answers "Macie is not enabled." until EnableMacie. */
        public Builder autoEnable(boolean autoEnable) {
            this.autoEnable = autoEnable;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder account(MacieAccount account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Discovery-result records per gzip file (default 1000). */
        public Builder recordsPerFile(int recordsPerFile) {
            if (recordsPerFile < 1) {
                throw new IllegalArgumentException("recordsPerFile must be at least 1, got " + recordsPerFile);
            }
            this.recordsPerFile = recordsPerFile;
            return this;
        }

        /** How many jobs run at once (default 2). */
        public Builder jobThreads(int jobThreads) {
            if (jobThreads < 1) {
                throw new IllegalArgumentException("jobThreads must be at least 1, got " + jobThreads);
            }
            this.jobThreads = jobThreads;
            return this;
        }

        public LocalMacieServer build() {
            Objects.requireNonNull(s3, "s3");
            Objects.requireNonNull(scanner, "scanner");
            if (resultsLocation != null) {
                ResultsLocation.parse(resultsLocation);
            }
            return new LocalMacieServer(this);
        }
    }
}
