package dev.scangate.local.commands.aws;

import dev.scangate.local.commands.port.ApprovalRecords;
import dev.scangate.local.commands.port.ServiceException.Kind;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** {@link ApprovalRecords} over a DynamoDB Scan. */
public final class DynamoDbApprovalRecords implements ApprovalRecords {

    private final DynamoDbClient dynamoDb;
    private final Optional<URI> endpoint;

    public DynamoDbApprovalRecords(DynamoDbClient dynamoDb) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.endpoint = SdkErrors.endpointOf(dynamoDb);
    }

    @Override
    public List<Map<String, String>> scanAll(String tableName) {
        List<Map<String, String>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        try {
            do {
                Map<String, AttributeValue> from = startKey;
                ScanResponse page = dynamoDb.scan(b -> b.tableName(tableName).exclusiveStartKey(from));
                page.items().forEach(item -> items.add(scalars(item)));
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null);
        } catch (ResourceNotFoundException e) {
            throw SdkErrors.of(Kind.NOT_FOUND, "approval table " + tableName + " does not exist", e);
        } catch (SdkException e) {
            throw SdkErrors.translate(e, "Scan " + tableName, endpoint);
        }
        return items;
    }

    private static Map<String, String> scalars(Map<String, AttributeValue> item) {
        Map<String, String> out = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                out.put(name, value.s());
            } else if (value.n() != null) {
                out.put(name, value.n());
            } else if (value.bool() != null) {
                out.put(name, value.bool().toString());
            }
        });
        return out;
    }
}
