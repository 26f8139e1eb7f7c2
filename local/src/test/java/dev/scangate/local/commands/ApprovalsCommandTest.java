package dev.scangate.local.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.local.commands.aws.DynamoDbApprovalRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

class ApprovalsCommandTest {

    private static final String TABLE = "scangate-approvals";
    private static AmazonDynamoDBLocal dynamoDbLocal;
    private static DynamoDbClient dynamoDb;

    private final TestConsole console = TestConsole.plain();

    @BeforeAll
    static void start() {
        System.setProperty("sqlite4java.library.path", sqliteNatives().toString());
        dynamoDbLocal = DynamoDBEmbedded.create();
        dynamoDb = dynamoDbLocal.dynamoDbClient();
        dynamoDb.createTable(b -> b.tableName(TABLE)
                .keySchema(KeySchemaElement.builder().attributeName("approvalId").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("approvalId")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode("PAY_PER_REQUEST"));
        put(Map.of("approvalId", s("ap-2"), "runId", s("run-b"), "status", s("PENDING"),
                "expiresAt", n("1774868400"), "taskToken", s("SECRET-TOKEN-2")));
        put(Map.of("approvalId", s("ap-1"), "runId", s("run-a"), "status", s("PENDING"),
                "expiresAt", s("2026-03-24T09:00:00Z"), "taskToken", s("SECRET-TOKEN-1")));
        put(Map.of("approvalId", s("ap-0"), "runId", s("run-old"), "status", s("PENDING"),
                "expiresAt", n("1774000000"), "taskToken", s("SECRET-TOKEN-0")));
        put(Map.of("approvalId", s("ap-9"), "runId", s("run-z"), "status", s("DECIDED"), "taskToken", s("SECRET-9")));
    }

    @AfterAll
    static void stop() {
        dynamoDbLocal.shutdown();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private static void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(b -> b.tableName(TABLE).item(item));
    }

    /** sqlite4java's native library ships next to its jar in the Maven repository, under another artifact id. */
    private static Path sqliteNatives() {
        try {
            Path jar = Path.of(com.almworks.sqlite4java.SQLite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path version = jar.getParent();
            Path natives = version.getParent().getParent().resolve("libsqlite4java-linux-amd64").resolve(version.getFileName());
            Path dir = Files.createTempDirectory("sqlite4java");
            try (Stream<Path> files = Files.list(natives)) {
                Path so = files.filter(f -> f.toString().endsWith(".so")).findFirst().orElseThrow();
                Files.copy(so, dir.resolve("libsqlite4java-linux-amd64.so"), StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void run_whenPendingItems_listsOnlyThemSoonestExpiryFirstWithoutTokens() {
        int exit = new ApprovalsCommand(new DynamoDbApprovalRecords(dynamoDb), TABLE, console.console()).run();

        assertThat(exit).isZero();
        assertThat(console.output().lines().toList()).containsExactly(
                "RUN      APPROVAL  EXPIRES",
                "run-old  ap-0      2026-03-20 09:46:40Z (expired)",
                "run-a    ap-1      2026-03-24 09:00:00Z (in 22h45m)",
                "run-b    ap-2      2026-03-30 11:00:00Z (in 7d00h)");
        assertThat(console.output()).doesNotContain("SECRET").doesNotContain("run-z");
    }

    @Test
    void run_whenTableMissing_failsNamingIt() {
        var command = new ApprovalsCommand(new DynamoDbApprovalRecords(dynamoDb), "nope", console.console());

        assertThatThrownBy(command::run)
                .isInstanceOf(CommandException.class)
                .hasMessage("Approval table nope does not exist");
    }
}
