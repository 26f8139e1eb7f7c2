package dev.scangate.lambdas.aws.approval;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.scangate.lambdas.core.approval.ApprovalConflictException;
import dev.scangate.lambdas.core.approval.ApprovalNotFoundException;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.ApprovalStatus;
import dev.scangate.lambdas.core.approval.ApprovalStore;
import dev.scangate.lambdas.core.approval.ApprovalStoreException;
import dev.scangate.lambdas.core.approval.Decision;
import dev.scangate.lambdas.core.approval.RunCounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Approval records in one DynamoDB table (partition key {@code approvalId}, TTL attribute
 * {@code ttl}). Each run also has a pointer item {@code run#<runId>} naming its approval, written
 * in the same transaction as the approval, which is how a re-run finds the existing approval.
 * Objects are stored gzip-compressed in one binary attribute.
 */
public final class DynamoDbApprovalStore implements ApprovalStore {

    public static final String KEY = "approvalId";
    public static final String TTL = "ttl";

    /** Records stay readable (for the "already decided" page and audits) this long after expiry. */
    static final Duration RETENTION = Duration.ofDays(30);
    /** Leaves room under DynamoDB's 400 KB item limit for the other attributes. */
    static final int MAX_OBJECTS_BYTES = 350_000;

    private static final String TYPE_APPROVAL = "approval";
    private static final String TYPE_RUN = "run";
    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient dynamoDb;
    private final String table;
    /** Items read per Scan page; null lets DynamoDB fill pages up to 1 MB. */
    private final Integer scanPageSize;

    private DynamoDbApprovalStore(DynamoDbClient dynamoDb, String table, Integer scanPageSize) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.scanPageSize = scanPageSize;
    }

    public static DynamoDbApprovalStore create(DynamoDbClient dynamoDb, String table) {
        return new DynamoDbApprovalStore(dynamoDb, table, null);
    }

    /** With small Scan pages, so tests see several pages (some of them empty after the filter). */
    static DynamoDbApprovalStore withScanPageSize(DynamoDbClient dynamoDb, String table, int scanPageSize) {
        return new DynamoDbApprovalStore(dynamoDb, table, scanPageSize);
    }

    /** Creates the table as CDK does (used by the local runtime and tests); no-op when it exists. */
    public static void createTable(DynamoDbClient dynamoDb, String table) {
        try {
            dynamoDb.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(KEY)
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build()));
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table));
            dynamoDb.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(TTL).enabled(true).build()));
        } catch (ResourceInUseException alreadyThere) {
            // Provisioning is idempotent: a second start finds the table it made the first time.
        } catch (SdkException e) {
            throw translate("create table " + table, e);
        }
    }

    @Override
    public ApprovalRecord createOrRefresh(ApprovalRecord candidate) {
        String pointerKey = "run#" + candidate.runId();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> pointer = get(pointerKey);
            if (pointer == null) {
                if (createWithPointer(candidate, pointerKey)) {
                    return candidate;
                }
                continue;
            }
            String existingId = pointer.get("target").s();
            Optional<ApprovalRecord> refreshed = refresh(existingId, candidate);
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
            if (get(existingId) == null) {
                // The approval aged out (TTL) but its pointer did not yet: start a fresh approval.
                put(itemFor(candidate), null);
                put(pointerItem(pointerKey, candidate), null);
                return candidate;
            }
        }
        throw new ApprovalStoreException("could not store the approval for run " + candidate.runId()
                + " after " + MAX_ATTEMPTS + " attempts (concurrent writers)", null, true);
    }

    @Override
    public Optional<ApprovalRecord> find(String approvalId) {
        Map<String, AttributeValue> item = get(approvalId);
        if (item == null || !TYPE_APPROVAL.equals(s(item, "itemType"))) {
            return Optional.empty();
        }
        return Optional.of(fromItem(item));
    }

    @Override
    public ApprovalRecord decide(String approvalId, Decision decision, Instant now) {
        try {
            var response = dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(approvalId))
                    .conditionExpression("itemType = :approval AND #status = :pending AND expiresAt > :now")
                    .updateExpression("SET #status = :decided, decision = :decision REMOVE statusReason")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":approval", str(TYPE_APPROVAL),
                            ":pending", str(ApprovalStatus.PENDING.name()),
                            ":decided", str(ApprovalStatus.DECIDED.name()),
                            ":now", num(now.getEpochSecond()),
                            ":decision", str(write(decision))))
                    .returnValues(ReturnValue.ALL_NEW));
            return fromItem(response.attributes());
        } catch (ConditionalCheckFailedException e) {
            ApprovalRecord current = find(approvalId).orElseThrow(() -> new ApprovalNotFoundException(approvalId));
            String why = switch (current.status()) {
                case DECIDED -> "already decided";
                case EXPIRED -> "expired: the workflow no longer waits for it";
                case PENDING -> "expired at " + current.expiresAt();
            };
            throw new ApprovalConflictException("approval " + approvalId + " is " + why, current);
        } catch (SdkException e) {
            throw translate("decide approval " + approvalId, e);
        }
    }

    @Override
    public void revertDecision(String approvalId, Decision decision) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(approvalId))
                    .conditionExpression("#status = :decided AND decision = :decision")
                    .updateExpression("SET #status = :pending REMOVE decision")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":decided", str(ApprovalStatus.DECIDED.name()),
                            ":pending", str(ApprovalStatus.PENDING.name()),
                            ":decision", str(write(decision)))));
        } catch (ConditionalCheckFailedException e) {
            // Someone else changed it since (a re-run sent the decision on): theirs stands.
        } catch (SdkException e) {
            throw translate("revert decision of approval " + approvalId, e);
        }
    }

    @Override
    public void markExpired(String approvalId, String reason) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(approvalId))
                    .conditionExpression("itemType = :approval")
                    .updateExpression("SET #status = :expired, statusReason = :reason")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":approval", str(TYPE_APPROVAL),
                            ":expired", str(ApprovalStatus.EXPIRED.name()),
                            ":reason", str(reason))));
        } catch (ConditionalCheckFailedException e) {
            throw new ApprovalNotFoundException(approvalId);
        } catch (SdkException e) {
            throw translate("expire approval " + approvalId, e);
        }
    }

    /**
     * A Scan with a filter, on purpose: the table holds one approval (plus one run pointer) per
     * reviewed run, and TTL removes them 30 days after expiry, so it stays small (hundreds of
     * items), and this runs once an hour. A GSI on status/expiresAt would cost a second index
     * (storage, write capacity, a schema change CDK must roll out) to save reading a few hundred
     * items hourly. The filter is applied after the read, so pages can come back empty while
     * more follow: every page is read until DynamoDB reports no LastEvaluatedKey.
     */
    @Override
    public List<ApprovalRecord> pendingExpiringBefore(Instant cutoff) {
        List<ApprovalRecord> out = new ArrayList<>();
        try {
            var pages = dynamoDb.scanPaginator(b -> b.tableName(table)
                    .limit(scanPageSize)
                    .filterExpression("itemType = :approval AND #status = :pending AND expiresAt < :cutoff")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":approval", str(TYPE_APPROVAL),
                            ":pending", str(ApprovalStatus.PENDING.name()),
                            ":cutoff", num(cutoff.getEpochSecond()))));
            for (var page : pages) {
                page.items().forEach(item -> out.add(fromItem(item)));
            }
        } catch (SdkException e) {
            throw translate("list pending approvals expiring before " + cutoff, e);
        }
        return out;
    }

    @Override
    public boolean markReminded(String approvalId, Instant expiresAt, Instant remindedAt) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(approvalId))
                    // the reminder is per expiry: a re-run that refreshes the approval to a new
                    // expiry may be reminded again, the same expiry never twice
                    .conditionExpression("itemType = :approval AND #status = :pending AND expiresAt = :expiresAt"
                            + " AND (attribute_not_exists(remindedFor) OR remindedFor <> :expiresAt)")
                    .updateExpression("SET remindedFor = :expiresAt, remindedAt = :remindedAt")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":approval", str(TYPE_APPROVAL),
                            ":pending", str(ApprovalStatus.PENDING.name()),
                            ":expiresAt", num(expiresAt.getEpochSecond()),
                            ":remindedAt", str(remindedAt.toString()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyOrNoLonger) {
            return false;
        } catch (SdkException e) {
            throw translate("record the reminder of approval " + approvalId, e);
        }
    }

    @Override
    public void clearReminded(String approvalId, Instant remindedAt) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(approvalId))
                    .conditionExpression("remindedAt = :remindedAt")
                    .updateExpression("REMOVE remindedFor, remindedAt")
                    .expressionAttributeValues(Map.of(":remindedAt", str(remindedAt.toString()))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Not our claim (anymore): leave whatever is recorded.
        } catch (SdkException e) {
            throw translate("give back the reminder of approval " + approvalId, e);
        }
    }

    private boolean createWithPointer(ApprovalRecord candidate, String pointerKey) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(pointerItem(pointerKey, candidate))
                            .conditionExpression("attribute_not_exists(approvalId)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(itemFor(candidate))
                            .conditionExpression("attribute_not_exists(approvalId)").build()).build()));
            return true;
        } catch (TransactionCanceledException raced) {
            // Another invocation for the same run won; the next attempt refreshes its approval.
            return false;
        } catch (SdkException e) {
            throw translate("create approval for run " + candidate.runId(), e);
        }
    }

    /** Empty when the approval item does not exist. */
    private Optional<ApprovalRecord> refresh(String approvalId, ApprovalRecord candidate) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":approval", str(TYPE_APPROVAL));
        values.put(":token", str(candidate.taskToken()));
        values.put(":decided", str(ApprovalStatus.DECIDED.name()));
        try {
            Map<String, AttributeValue> open = new HashMap<>(values);
            open.put(":pending", str(ApprovalStatus.PENDING.name()));
            open.put(":expiresAt", num(candidate.expiresAt().getEpochSecond()));
            open.put(":ttl", num(ttlFor(candidate.expiresAt())));
            var response = dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(approvalId))
                    .conditionExpression("itemType = :approval AND #status <> :decided")
                    .updateExpression("SET taskToken = :token, #status = :pending, expiresAt = :expiresAt, #ttl = :ttl"
                            + " REMOVE decision, statusReason")
                    .expressionAttributeNames(Map.of("#status", "status", "#ttl", TTL))
                    .expressionAttributeValues(open)
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException notOpen) {
            // Decided (or missing): a decided approval keeps its decision; only the token moves on.
        } catch (SdkException e) {
            throw translate("refresh approval " + approvalId, e);
        }
        try {
            var response = dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(approvalId))
                    .conditionExpression("itemType = :approval AND #status = :decided")
                    .updateExpression("SET taskToken = :token")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw translate("refresh approval " + approvalId, e);
        }
    }

    private Map<String, AttributeValue> get(String key) {
        try {
            var response = dynamoDb.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
        } catch (SdkException e) {
            throw translate("read approval", e);
        }
    }

    private void put(Map<String, AttributeValue> item, String condition) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression(condition));
        } catch (SdkException e) {
            throw translate("write approval", e);
        }
    }

    private static Map<String, AttributeValue> pointerItem(String pointerKey, ApprovalRecord candidate) {
        return Map.of(
                KEY, str(pointerKey),
                "itemType", str(TYPE_RUN),
                "target", str(candidate.approvalId()),
                TTL, num(candidate.createdAt().plus(Duration.ofDays(400)).getEpochSecond()));
    }

    private static Map<String, AttributeValue> itemFor(ApprovalRecord r) {
        byte[] objects = gzip(write(r.objects()));
        if (objects.length > MAX_OBJECTS_BYTES) {
            throw new ApprovalStoreException("run " + r.runId() + " holds " + r.objects().size()
                    + " objects for review, more than one approval record can describe (" + objects.length
                    + " compressed bytes, limit " + MAX_OBJECTS_BYTES + "); the objects stay in manual review");
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, str(r.approvalId()));
        item.put("itemType", str(TYPE_APPROVAL));
        item.put("runId", str(r.runId()));
        if (r.reportKey() != null) {
            item.put("reportKey", str(r.reportKey()));
        }
        item.put("taskToken", str(r.taskToken()));
        item.put("status", str(r.status().name()));
        item.put("counts", str(write(r.counts())));
        item.put("objects", AttributeValue.fromB(SdkBytes.fromByteArray(objects)));
        item.put("approvers", str(write(r.approvers())));
        item.put("createdAt", str(r.createdAt().toString()));
        item.put("expiresAt", num(r.expiresAt().getEpochSecond()));
        item.put(TTL, num(ttlFor(r.expiresAt())));
        if (r.decision() != null) {
            item.put("decision", str(write(r.decision())));
        }
        if (r.statusReason() != null) {
            item.put("statusReason", str(r.statusReason()));
        }
        return item;
    }

    private static ApprovalRecord fromItem(Map<String, AttributeValue> item) {
        try {
            String decision = s(item, "decision");
            return new ApprovalRecord(
                    s(item, KEY),
                    s(item, "runId"),
                    s(item, "reportKey"),
                    s(item, "taskToken"),
                    ApprovalStatus.valueOf(s(item, "status")),
                    ApprovalJson.MAPPER.readValue(s(item, "counts"), RunCounts.class),
                    ApprovalJson.MAPPER.readValue(gunzip(item.get("objects").b().asByteArray()),
                            new TypeReference<List<ApprovalObject>>() { }),
                    ApprovalJson.MAPPER.readValue(s(item, "approvers"), new TypeReference<List<String>>() { }),
                    Instant.parse(s(item, "createdAt")),
                    Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())),
                    decision == null ? null : ApprovalJson.MAPPER.readValue(decision, Decision.class),
                    s(item, "statusReason"));
        } catch (IOException | RuntimeException e) {
            throw new ApprovalStoreException("approval record " + s(item, KEY) + " cannot be read: " + e.getMessage(),
                    e, false);
        }
    }

    private static long ttlFor(Instant expiresAt) {
        return expiresAt.plus(RETENTION).getEpochSecond();
    }

    private static Map<String, AttributeValue> key(String approvalId) {
        return Map.of(KEY, str(approvalId));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static AttributeValue str(String s) {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue num(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    private static String write(Object value) {
        try {
            return ApprovalJson.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(String json) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    private static ApprovalStoreException translate(String action, SdkException e) {
        boolean transientFailure = e instanceof SdkClientException
                || e.retryable()
                || (e instanceof DynamoDbException d && (d.isThrottlingException() || d.statusCode() >= 500));
        return new ApprovalStoreException("could not " + action + ": " + e.getMessage(), e, transientFailure);
    }
}
