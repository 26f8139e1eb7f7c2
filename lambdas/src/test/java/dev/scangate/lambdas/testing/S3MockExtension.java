package dev.scangate.lambdas.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.scangate.lambdas.aws.AwsClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts an in-process s3mock once per test class and empties every bucket before each test, so
 * tests get real S3 wire semantics (versions, tags, multipart copy) through a real {@link S3Client}
 * made by {@link AwsClientFactory}.
 *
 * <pre>{@code
 * @RegisterExtension static final S3MockExtension S3 = new S3MockExtension();
 * }</pre>
 */
public final class S3MockExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private S3MockApplication s3mock;
    private Path root;
    private S3Client client;
    private URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            root = Files.createTempDirectory("s3mock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_SILENT, true);
        properties.put("server.address", "127.0.0.1");
        properties.put("com.adobe.testing.s3mock.store.root", root.toString());
        properties.put("com.adobe.testing.s3mock.store.retainFilesOnExit", false);
        properties.put("com.adobe.testing.s3mock.vectors.httpPort", 0);
        properties.put("com.adobe.testing.s3mock.vectors.httpsPort", 0);
        properties.put("spring.main.banner-mode", "off");
        properties.put("com.adobe.testing.s3mock.max-payload-size", "64MB");
        s3mock = S3MockApplication.start(properties);
        endpoint = URI.create("http://127.0.0.1:" + s3mock.getHttpPort());
        client = clientFactory().s3();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (s3mock != null) {
            s3mock.stop();
        }
        deleteTree(root);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        buckets().deleteAll();
    }

    /** The s3mock endpoint, for clients the code under test makes itself. */
    public URI endpoint() {
        return endpoint;
    }

    /** A factory that sends S3 calls (and every other service) to s3mock. */
    public AwsClientFactory clientFactory() {
        return AwsClientFactory.forEndpoint(endpoint);
    }

    /** A shared client for arranging and asserting. */
    public S3Client client() {
        return client;
    }

    public Buckets buckets() {
        return new Buckets(client);
    }

    private static void deleteTree(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
