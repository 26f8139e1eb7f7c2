package dev.scangate.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.lambdas.aws.AwsClientFactory;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

class EmbeddedS3Test {

    @TempDir
    Path dir;

    @Test
    void start_whenRestartedOnSameRoot_keepsObjects() {
        var s3 = EmbeddedS3.builder().root(dir.resolve("s3")).build().start();
        try (var client = AwsClientFactory.forEndpoint(URI.create("http://127.0.0.1:" + s3.getPort())).s3()) {
            client.createBucket(b -> b.bucket("keep"));
            client.putObject(b -> b.bucket("keep").key("a/b.txt"), RequestBody.fromString("hello"));
        } finally {
            s3.stop();
        }
        var again = EmbeddedS3.builder().root(dir.resolve("s3")).build().start();
        try (var client = AwsClientFactory.forEndpoint(URI.create("http://127.0.0.1:" + again.getPort())).s3()) {
            assertThat(client.getObjectAsBytes(b -> b.bucket("keep").key("a/b.txt")).asUtf8String()).isEqualTo("hello");
        } finally {
            again.stop();
        }
    }
}
