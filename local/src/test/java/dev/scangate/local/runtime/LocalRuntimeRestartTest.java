package dev.scangate.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalRuntimeRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void start_whenScheduleSet_triggersThePipelineHookOnEachTick() throws InterruptedException {
        // every minute, with a clock a moment before the next minute: the first tick is due at once
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-03-10T10:15:59.990Z"), java.time.ZoneOffset.UTC);
        var ticks = new java.util.concurrent.LinkedBlockingQueue<dev.scangate.local.schedule.ScheduledTick>();
        var config = LocalConfig.builder().dataDir(dataDir).port(0).schedule("cron(* * * * ? *)").build();
        try (var runtime = LocalRuntime.builder().config(config).emailDelivery(m -> { }).clock(clock).onSchedule(ticks::add).build().start()) {
            var tick = ticks.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(tick).isNotNull();
            assertThat(tick.scheduledTime()).isEqualTo(java.time.Instant.parse("2026-03-10T10:16:00Z"));
        }
    }

    @Test
    void start_whenAnExtensionFails_stopsWhatStartedSoTheNextStartWorks() {
        var config = LocalConfig.builder().dataDir(dataDir).port(0).schedule("off").build();
        var failing = LocalRuntime.builder().config(config).emailDelivery(m -> { }).extension(new RuntimeExtension() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void start(RuntimeContext context) {
                throw new IllegalStateException("broken extension");
            }

            @Override
            public void stop() {
            }
        }).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(failing::start).hasMessage("broken extension");

        try (var next = LocalRuntime.builder().config(config).emailDelivery(m -> { }).build().start();
                var s3 = next.clients().s3()) {
            assertThat(s3.listBuckets().buckets()).isNotEmpty();
        }
    }

    @Test
    void start_whenRestartedOnSameDataDirectory_keepsObjectsItemsEventsAndProvisionsNothingTwice() {
        var config = LocalConfig.builder().dataDir(dataDir).port(0).schedule("off").build();
        try (var first = LocalRuntime.builder().config(config).emailDelivery(m -> { }).build().start();
                var s3 = first.clients().s3();
                var dynamoDb = first.clients().dynamoDb();
                var events = first.clients().eventBridge()) {
            s3.putObject(b -> b.bucket(LocalResources.RAW_BUCKET).key("keep/me.csv"), RequestBody.fromString("name,ssn\n"));
            dynamoDb.putItem(b -> b.tableName(LocalResources.APPROVAL_TABLE)
                    .item(Map.of("approvalId", AttributeValue.fromS("kept"), "status", AttributeValue.fromS("PENDING"))));
            events.putEvents(b -> b.entries(e -> e.source("scangate").detailType("ScanGate Run Failed").detail("{\"runId\":\"r-7\"}")));
        }

        try (var second = LocalRuntime.builder().config(config).emailDelivery(m -> { }).build().start();
                var s3 = second.clients().s3();
                var dynamoDb = second.clients().dynamoDb();
                var sns = second.clients().sns()) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(LocalResources.RAW_BUCKET).key("keep/me.csv")).asUtf8String())
                    .isEqualTo("name,ssn\n");
            assertThat(dynamoDb.getItem(b -> b.tableName(LocalResources.APPROVAL_TABLE)
                    .key(Map.of("approvalId", AttributeValue.fromS("kept")))).item().get("status").s()).isEqualTo("PENDING");
            assertThat(second.eventLog().eventsForRun("r-7")).hasSize(1);
            assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(LocalResources.topicArn(LocalResources.APPROVAL_TOPIC)))
                    .subscriptions()).hasSize(1);
            assertThat(s3.listObjectVersions(b -> b.bucket(LocalResources.RAW_BUCKET).prefix("keep/")).versions()).hasSize(1);
        }
    }
}
