package dev.scangate.local.macie.api;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** One in-process s3mock for the whole test JVM (it takes seconds to start); stopped at JVM exit. */
final class LocalS3 {

    private static S3MockApplication s3mock;

    private LocalS3() {
    }

    @SuppressWarnings("deprecation") // getHttpPort is the plain-HTTP port we need
    static synchronized S3Client client() {
        if (s3mock == null) {
            s3mock = S3MockApplication.start(new java.util.HashMap<String, Object>(Map.of(
                    S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_SILENT, true,
                    "server.address", "127.0.0.1",
                    "spring.main.banner-mode", "off")));
            var app = s3mock;
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        }
        return S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + s3mock.getHttpPort()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
