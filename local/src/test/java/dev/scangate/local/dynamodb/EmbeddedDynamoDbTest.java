package dev.scangate.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.lambdas.aws.AwsClientFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class EmbeddedDynamoDbTest {

    @TempDir
    Path dir;

    @Test
    void start_whenRestartedOnSameDirectory_keepsItems() {
        var db = EmbeddedDynamoDb.builder().databaseDirectory(dir).build().start();
        try (var client = AwsClientFactory.forEndpoint(URI.create("http://127.0.0.1:" + db.getPort())).dynamoDb()) {
            client.createTable(b -> b.tableName("kept-items").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            client.putItem(b -> b.tableName("kept-items").item(Map.of("id", AttributeValue.fromS("1"), "v", AttributeValue.fromS("kept"))));
        } finally {
            db.stop();
        }
        var again = EmbeddedDynamoDb.builder().databaseDirectory(dir).build().start();
        try (var client = AwsClientFactory.forEndpoint(URI.create("http://127.0.0.1:" + again.getPort())).dynamoDb()) {
            var item = client.getItem(b -> b.tableName("kept-items").key(Map.of("id", AttributeValue.fromS("1")))).item();
            assertThat(item.get("v").s()).isEqualTo("kept");
        } finally {
            again.stop();
        }
    }
}
