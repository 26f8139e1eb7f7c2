package dev.scangate.local.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.local.commands.aws.S3ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

class PutCommandTest {

    private final S3Client s3 = S3MockSupport.client();
    private final TestConsole console = TestConsole.plain();
    /** Each test writes under its own prefix so tests sharing the bucket cannot see each other. */
    private final String prefix = "t-" + UUID.randomUUID() + "/";

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        s3.close();
    }

    private PutCommand command(Console c) {
        return new PutCommand(new S3ObjectStore(s3), S3MockSupport.RAW, c);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private List<String> keys() {
        return s3.listObjectsV2Paginator(b -> b.bucket(S3MockSupport.RAW).prefix(prefix)).contents().stream()
                .map(S3Object::key).map(k -> k.substring(prefix.length())).sorted().toList();
    }

    private String content(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(S3MockSupport.RAW).key(prefix + key)).asString(StandardCharsets.UTF_8);
    }

    @Test
    void run_whenDirectory_uploadsRecursivelyWithKeysRelativeToItAndContentTypes() throws IOException {
        write("data/a.csv", "x,y\n1,2\n");
        write("data/nested/deeper/b.json", "{\"k\":1}");
        write("data/c.txt", "hello");

        int exit = command(console.console()).run(List.of(dir.resolve("data")), prefix);

        assertThat(exit).isZero();
        assertThat(keys()).containsExactly("a.csv", "c.txt", "nested/deeper/b.json");
        assertThat(content("nested/deeper/b.json")).isEqualTo("{\"k\":1}");
        assertThat(s3.headObject(b -> b.bucket(S3MockSupport.RAW).key(prefix + "a.csv")).contentType())
                .startsWith("text/csv");
        assertThat(s3.headObject(b -> b.bucket(S3MockSupport.RAW).key(prefix + "nested/deeper/b.json")).contentType())
                .startsWith("application/json");
        assertThat(console.output()).contains("Put 3 files (").contains("into s3://scangate-raw/" + prefix)
                .doesNotContain("\r");
    }

    @Test
    void run_whenFiles_usesTheFileNameAsKey() throws IOException {
        Path a = write("x/one.txt", "1");
        Path b = write("y/two.txt", "22");

        command(console.console()).run(List.of(a, b), prefix);

        assertThat(keys()).containsExactly("one.txt", "two.txt");
        assertThat(console.output()).contains("Put 2 files (3 B)");
    }

    @Test
    void run_whenPrefixLacksSlash_addsOne() throws IOException {
        Path a = write("x/one.txt", "1");

        command(console.console()).run(List.of(a), prefix.substring(0, prefix.length() - 1));

        assertThat(keys()).containsExactly("one.txt");
    }

    @Test
    void run_whenOnePathMissing_uploadsNothingAndNamesIt() throws IOException {
        Path a = write("x/one.txt", "1");
        Path missing = dir.resolve("nope.csv");

        assertThatThrownBy(() -> command(console.console()).run(List.of(a, missing), prefix))
                .isInstanceOf(CommandException.class)
                .hasMessage("No such file or directory: " + missing);
        assertThat(keys()).isEmpty();
    }

    @Test
    void run_whenTwoFilesWouldShareAKey_refusesBeforeUploading() throws IOException {
        Path a = write("x/same.txt", "1");
        Path b = write("y/same.txt", "2");

        assertThatThrownBy(() -> command(console.console()).run(List.of(a, b), prefix))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("Two files would get the key " + prefix + "same.txt");
        assertThat(keys()).isEmpty();
    }

    @Test
    void run_whenDirectoryEmpty_failsClearly() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> command(console.console()).run(List.of(dir.resolve("empty")), prefix))
                .isInstanceOf(CommandException.class)
                .hasMessage("Nothing to put: directory " + dir.resolve("empty") + " has no files");
    }

    @Test
    void run_whenBucketMissing_failsWithOneLineAfterNothingWasPut() throws IOException {
        Path a = write("x/one.txt", "1");
        var put = new PutCommand(new S3ObjectStore(s3), "no-such-bucket", console.console());

        assertThatThrownBy(() -> put.run(List.of(a), prefix))
                .isInstanceOf(CommandException.class)
                .hasMessage("Upload of " + a + " failed after 0 of 1 files were put (putting again is safe):"
                        + " Bucket no-such-bucket does not exist");
    }

    @Test
    void run_whenInteractiveAndManyFiles_drawsABarToCompletion() throws IOException {
        for (int i = 0; i < PutCommand.BAR_MIN_FILES; i++) {
            write("many/f" + i + ".txt", "content " + i);
        }
        TestConsole tty = new TestConsole(true);

        command(tty.console()).run(List.of(dir.resolve("many")), prefix);

        assertThat(keys()).hasSize(PutCommand.BAR_MIN_FILES);
        assertThat(tty.output()).contains("\rput [").contains("100%  10/10 files").doesNotContain(" -> s3://");
    }

    @Test
    void put_whenFileAboveMultipartThreshold_uploadsInPartsWithSameBytes() throws IOException {
        byte[] data = new byte[6 * 1024 * 1024 + 123];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >> 10));
        }
        Path big = Files.write(dir.resolve("big.bin"), data);
        long[] lastProgress = new long[1];
        var store = new S3ObjectStore(s3, 5L * 1024 * 1024, 5L * 1024 * 1024);

        store.put(S3MockSupport.RAW, prefix + "big.bin", big, "application/octet-stream", n -> lastProgress[0] = n);

        byte[] back = s3.getObjectAsBytes(b -> b.bucket(S3MockSupport.RAW).key(prefix + "big.bin")).asByteArray();
        assertThat(back).isEqualTo(data);
        assertThat(lastProgress[0]).isEqualTo(data.length);
        assertThat(s3.listMultipartUploads(b -> b.bucket(S3MockSupport.RAW).prefix(prefix)).uploads()).isEmpty();
    }
}
