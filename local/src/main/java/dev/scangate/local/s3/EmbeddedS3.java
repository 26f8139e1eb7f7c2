package dev.scangate.local.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3 in-process: s3mock with its store under the data directory and files kept on exit, so
 * buckets and objects survive a restart. It speaks plain HTTP on 127.0.0.1; the edge endpoint
 * forwards {@code s3} requests to it.
 */
public final class EmbeddedS3 {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);

    private static final String SPRING_LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    /** Tomcat logs through java.util.logging; its start-up chatter is kept out of the CLI's output. */
    private static final List<java.util.logging.Logger> QUIET_TOMCAT = Stream.of("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat")
            .map(java.util.logging.Logger::getLogger)
            // never lower a stricter level the CLI set before this class loaded
            .peek(l -> {
                if (l.getLevel() == null || l.getLevel().intValue() < Level.WARNING.intValue()) {
                    l.setLevel(Level.WARNING);
                }
            })
            .toList();

    private final Path root;
    private S3MockApplication application;

    private EmbeddedS3(Builder builder) {
        this.root = Objects.requireNonNull(builder.root, "root");
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized EmbeddedS3 start() {
        if (application != null) {
            return this;
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 store directory " + root, e);
        }
        // Spring Boot would otherwise re-initialise logback with its own console format
        if (System.getProperty(SPRING_LOGGING_SYSTEM) == null) {
            System.setProperty(SPRING_LOGGING_SYSTEM, "none");
        }
        var properties = new LinkedHashMap<String, Object>();
        properties.put("com.adobe.testing.s3mock.store.root", root.toAbsolutePath().toString());
        properties.put("com.adobe.testing.s3mock.store.retain-files-on-exit", true);
        // the main connector serves plain HTTP on loopback; s3mock's extra HTTP connector is removed below
        properties.put("server.ssl.enabled", false);
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", 0);
        properties.put("http.port", 0);
        properties.put("silent", true);
        properties.put("spring.main.banner-mode", "off");
        // The runtime stops its parts in order on Ctrl-C; Spring's own hook would close S3 first.
        properties.put("spring.main.register-shutdown-hook", false);
        application = S3MockApplication.start(properties);
        closeExtraConnector(application);
        LOG.info("S3 store {} on port {}", root, application.getPort());
        return this;
    }

    /**
     * s3mock always adds a second HTTP connector on every interface and offers no setting for its
     * address; the runtime binds loopback only, so that connector is taken out of service.
     */
    private static void closeExtraConnector(S3MockApplication application) {
        try {
            Field field = S3MockApplication.class.getDeclaredField("httpConnector");
            field.setAccessible(true);
            Connector connector = (Connector) field.get(application);
            connector.getService().removeConnector(connector);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("could not close s3mock's extra HTTP connector: {}", e.toString());
        }
    }

    public synchronized void stop() {
        if (application != null) {
            application.stop();
            application = null;
        }
    }

    public synchronized int getPort() {
        if (application == null) {
            throw new IllegalStateException("embedded S3 is not started");
        }
        return application.getPort();
    }

    public static final class Builder {
        private Path root;

        /** The directory s3mock keeps buckets and objects in. */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        public EmbeddedS3 build() {
            return new EmbeddedS3(this);
        }
    }
}
