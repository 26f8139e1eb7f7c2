package dev.scangate.local.commands;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.scangate.lambdas.aws.AwsClientFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** One in-process s3mock for the whole test JVM (it takes seconds to start), stopped at exit. */
final class S3MockSupport {

    static final String RAW = "scangate-raw";
    static final String SCAN_STAGE = "scangate-scan-stage";

    private static S3MockApplication app;

    private S3MockSupport() {
    }

    @SuppressWarnings("deprecation") // getHttpPort is the only way to learn the plain-HTTP port
    static synchronized URI endpoint() {
        if (app == null) {
            try {
                app = S3MockApplication.start(new HashMap<>(Map.of(
                        S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                        S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                        S3MockApplication.PROP_SILENT, true,
                        "server.address", "127.0.0.1",
                        "com.adobe.testing.s3mock.store.root", Files.createTempDirectory("s3mock").toString(),
                        "com.adobe.testing.s3mock.store.initial-buckets", RAW + "," + SCAN_STAGE)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            S3MockApplication started = app;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return URI.create("http://127.0.0.1:" + app.getHttpPort());
    }

    static S3Client client() {
        return AwsClientFactory.forEndpoint(endpoint()).s3();
    }
}
