package dev.scangate.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.local.net.PortInUseException;
import dev.scangate.local.sns.EmailNotification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/** The runtime through its public face: real SDK clients on the edge endpoint. */
class LocalRuntimeTest {

    @TempDir
    static Path dataDir;

    private static final List<EmailNotification> MAIL = new CopyOnWriteArrayList<>();
    private static LocalRuntime runtime;
    private static AwsClientFactory clients;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder()
                .config(LocalConfig.builder().dataDir(dataDir).port(0).schedule("off").approvers(List.of("ana@example.com")).build())
                .emailDelivery(MAIL::add)
                .extension(new FakeStepFunctions())
                .build()
                .start();
        clients = runtime.clients();
    }

    @AfterAll
    static void stop() {
        runtime.stop();
    }

    @Test
    void start_whenFresh_provisionsVersionedBucketsTableAndTopics() {
        try (var s3 = clients.s3(); var dynamoDb = clients.dynamoDb(); var sns = clients.sns()) {
            for (String bucket : LocalResources.BUCKETS) {
                assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).as(bucket).isEqualTo(BucketVersioningStatus.ENABLED);
            }
            assertThat(dynamoDb.describeTable(b -> b.tableName(LocalResources.APPROVAL_TABLE)).table().keySchema().get(0).attributeName())
                    .isEqualTo(LocalResources.APPROVAL_TABLE_KEY);
            var subscriptions = sns.listSubscriptionsByTopic(b -> b.topicArn(LocalResources.topicArn(LocalResources.APPROVAL_TOPIC)))
                    .subscriptions();
            assertThat(subscriptions).singleElement().satisfies(s -> {
                assertThat(s.protocol()).isEqualTo("email");
                assertThat(s.endpoint()).isEqualTo("ana@example.com");
            });
        }
    }

    @Test
    void edge_whenS3ClientPutsAndGets_streamsBytesIntact() {
        byte[] payload = new byte[6 * 1024 * 1024 + 17];
        new Random(7).nextBytes(payload);
        try (var s3 = clients.s3()) {
            s3.putObject(b -> b.bucket(LocalResources.RAW_BUCKET).key("dir/big file+1.bin"), RequestBody.fromBytes(payload));
            assertThat(s3.headObject(b -> b.bucket(LocalResources.RAW_BUCKET).key("dir/big file+1.bin")).contentLength())
                    .isEqualTo(payload.length);
            assertThat(s3.getObjectAsBytes(b -> b.bucket(LocalResources.RAW_BUCKET).key("dir/big file+1.bin")).asByteArray())
                    .isEqualTo(payload);
        }
    }

    @Test
    void edge_whenDynamoDbClientWritesAndReads_roundTripsTheItem() {
        try (var dynamoDb = clients.dynamoDb()) {
            dynamoDb.putItem(b -> b.tableName(LocalResources.APPROVAL_TABLE)
                    .item(Map.of("approvalId", AttributeValue.fromS("a-1"), "status", AttributeValue.fromS("PENDING"))));
            var item = dynamoDb.getItem(b -> b.tableName(LocalResources.APPROVAL_TABLE)
                    .key(Map.of("approvalId", AttributeValue.fromS("a-1")))).item();
            assertThat(item.get("status").s()).isEqualTo("PENDING");
        }
    }

    @Test
    void edge_whenSnsPublishes_deliversToEmailSubscribers() {
        try (var sns = clients.sns()) {
            String topic = sns.createTopic(b -> b.name("ops")).topicArn();
            assertThat(sns.createTopic(b -> b.name("ops")).topicArn()).isEqualTo(topic);
            sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("ops@example.com"));
            sns.subscribe(b -> b.topicArn(topic).protocol("email-json").endpoint("tool@example.com"));
            assertThat(sns.listTopics().topics()).anyMatch(t -> t.topicArn().equals(topic));

            String messageId = sns.publish(b -> b.topicArn(topic).subject("Run r-1 needs review").message("Review: http://x/approvals/1")).messageId();

            var delivered = MAIL.stream().filter(m -> m.messageId().equals(messageId)).toList();
            assertThat(delivered).hasSize(2);
            assertThat(delivered).anySatisfy(m -> {
                assertThat(m.to()).isEqualTo("ops@example.com");
                assertThat(m.subject()).isEqualTo("Run r-1 needs review");
                assertThat(m.body()).isEqualTo("Review: http://x/approvals/1");
            });
            assertThat(delivered).anySatisfy(m -> {
                assertThat(m.protocol()).isEqualTo("email-json");
                assertThat(m.body()).contains("\"Type\":\"Notification\"").contains("\"TopicArn\":\"" + topic + "\"");
            });
            sns.deleteTopic(b -> b.topicArn(topic));
            assertThat(sns.listTopics().topics()).noneMatch(t -> t.topicArn().equals(topic));
        }
    }

    @Test
    void edge_whenSnsRequestIsBad_answersSnsErrors() {
        try (var sns = clients.sns()) {
            assertThatThrownBy(() -> sns.publish(b -> b.topicArn(LocalResources.topicArn("missing")).message("x")))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("Topic does not exist");
            String topic = LocalResources.topicArn(LocalResources.NOTIFICATION_TOPIC);
            assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topic).protocol("http").endpoint("http://x")))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("use email or email-json");
            assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic).message("")))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Empty message");
        }
    }

    @Test
    void edge_whenEventsArePut_logsThemForTheRun() {
        try (var events = clients.eventBridge()) {
            var response = events.putEvents(b -> b.entries(
                    PutEventsRequestEntry.builder().source("scangate").detailType("ScanGate Run All Clean")
                            .detail("{\"runId\":\"run-42\",\"outcome\":\"ALL_CLEAN\"}").build(),
                    PutEventsRequestEntry.builder().source("scangate").detailType("ScanGate Run All Clean")
                            .detail("not json").build()));
            assertThat(response.failedEntryCount()).isEqualTo(1);
            assertThat(response.entries().get(1).errorCode()).isEqualTo("MalformedDetail");

            var logged = runtime.eventLog().eventsForRun("run-42");
            assertThat(logged).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(response.entries().get(0).eventId());
                assertThat(e.detailType()).isEqualTo("ScanGate Run All Clean");
                assertThat(e.detail().path("outcome").asText()).isEqualTo("ALL_CLEAN");
            });
        }
    }

    @Test
    void edge_whenEventBusesAndRulesAreManaged_keepsThem() {
        try (var events = clients.eventBridge()) {
            String arn = events.createEventBus(b -> b.name("downstream")).eventBusArn();
            assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/downstream");
            assertThat(events.listEventBuses(b -> b.namePrefix("down")).eventBuses()).singleElement()
                    .satisfies(bus -> assertThat(bus.name()).isEqualTo("downstream"));
            events.putRule(b -> b.name("nightly").scheduleExpression("cron(0 2 * * ? *)"));
            events.putTargets(b -> b.rule("nightly").targets(t -> t.id("pipeline").arn(LocalResources.STATE_MACHINE_ARN)));
            assertThat(events.listRules(b -> b.namePrefix("night")).rules()).singleElement()
                    .satisfies(r -> assertThat(r.scheduleExpression()).isEqualTo("cron(0 2 * * ? *)"));
            assertThat(events.listTargetsByRule(b -> b.rule("nightly")).targets()).singleElement()
                    .satisfies(t -> assertThat(t.arn()).isEqualTo(LocalResources.STATE_MACHINE_ARN));

            assertThatThrownBy(() -> events.putRule(b -> b.name("bad").scheduleExpression("rate(1 minutes)")))
                    .hasMessageContaining("singular unit");
            assertThatThrownBy(() -> events.putTargets(b -> b.rule("nope").targets(t -> t.id("x").arn("arn:x"))))
                    .hasMessageContaining("Rule nope does not exist");
        }
    }

    @Test
    void extension_whenItRegistersAService_isReachedThroughTheEdge() {
        try (var sfn = clients.sfn()) {
            assertThat(sfn.listStateMachines().stateMachines()).singleElement()
                    .satisfies(m -> assertThat(m.stateMachineArn()).isEqualTo(LocalResources.STATE_MACHINE_ARN));
        }
        assertThat(FakeStepFunctions.environment).containsEntry("RAW_BUCKET", LocalResources.RAW_BUCKET)
                .containsEntry("AWS_ENDPOINT_URL", runtime.endpoint().toString())
                .containsEntry("APPROVERS", "ana@example.com")
                .containsKey("APPROVAL_SIGNING_KEY");
    }

    @Test
    void start_whenWebPortTaken_failsNamingTheFlag(@TempDir Path otherDir) throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            var second = LocalRuntime.builder()
                    .config(LocalConfig.builder().dataDir(otherDir).port(0).webPort(taken.getLocalPort()).build())
                    .extension(new FakeWebServer())
                    .build();
            assertThatThrownBy(second::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("so the web server cannot start").hasMessageEndingWith("--web-port");
        }
    }

    /** Stands in for the local Step Functions API: answers ListStateMachines on the edge. */
    static final class FakeStepFunctions implements RuntimeExtension {
        static volatile Map<String, String> environment;

        @Override
        public String name() {
            return "fake Step Functions";
        }

        @Override
        public void start(RuntimeContext context) {
            environment = context.stepEnvironment();
            context.edge().register("states", exchange -> {
                byte[] body = ("{\"stateMachines\":[{\"stateMachineArn\":\"" + LocalResources.STATE_MACHINE_ARN
                        + "\",\"name\":\"scangate-pipeline\",\"type\":\"STANDARD\",\"creationDate\":0}]}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }

        @Override
        public void stop() {
        }
    }

    /** Holds the web port as the real web server does, without serving anything on it. */
    static final class FakeWebServer implements LocalRuntime.WebServerExtension {
        private ServerSocket socket;

        @Override
        public String name() {
            return "fake web server";
        }

        @Override
        public int bind(String host, int port) throws IOException {
            socket = new ServerSocket();
            try {
                socket.bind(new InetSocketAddress(host, port));
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return socket.getLocalPort();
        }

        @Override
        public void start(RuntimeContext context) {
        }

        @Override
        public void stop() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void start_whenWebPortIsZero_bindsAFreePortAndMailsLinksToIt(@TempDir Path otherDir) {
        var config = LocalConfig.builder().dataDir(otherDir).port(0).webPort(0).schedule("off").build();
        try (var other = LocalRuntime.builder().config(config).extension(new FakeWebServer())
                .stepEnvironment(Map.of("CHUNK_OBJECTS", "2")).build().start()) {
            int bound = other.webEndpoint().getPort();

            assertThat(bound).isPositive();
            assertThat(other.webEndpoint()).hasToString("http://127.0.0.1:" + bound);
            assertThat(other.stepEnvironment()).containsEntry("APPROVAL_BASE_URL", "http://127.0.0.1:" + bound)
                    .as("extra step variables reach the steps").containsEntry("CHUNK_OBJECTS", "2");
            assertThatThrownBy(() -> new ServerSocket(bound, 1, InetAddress.getByName("127.0.0.1")).close())
                    .as("the runtime holds the port it mails").isInstanceOf(BindException.class);
        }
    }

    @Test
    void start_whenAStepVariableWouldReplaceTheRuntimesOwn_failsNamingIt(@TempDir Path otherDir) {
        var other = LocalRuntime.builder().config(LocalConfig.builder().dataDir(otherDir).port(0).schedule("off").build())
                .stepEnvironment(Map.of("RAW_BUCKET", "elsewhere")).build();

        assertThatThrownBy(other::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step environment variable RAW_BUCKET is set by the runtime");
    }

    @Test
    void start_whenDataDirectoryInUse_failsNamingIt() {
        var second = LocalRuntime.builder().config(LocalConfig.builder().dataDir(dataDir).port(0).schedule("off").build()).build();
        assertThatThrownBy(second::start)
                .isInstanceOf(DataDirectory.DataDirectoryInUseException.class)
                .hasMessageContaining("is in use by another scangate runtime");
    }

    @Test
    void start_whenEdgePortTaken_failsBeforeStartingAnything(@TempDir Path otherDir) throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            var second = LocalRuntime.builder()
                    .config(LocalConfig.builder().dataDir(otherDir.resolve("data")).port(taken.getLocalPort()).build()).build();
            assertThatThrownBy(second::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use, so the edge endpoint cannot start"
                            + " (another scangate or LocalStack running?); choose another with --port");
            assertThat(otherDir.resolve("data")).doesNotExist();
        }
    }
}
