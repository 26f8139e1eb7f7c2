package dev.scangate.local.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.lambdas.aws.approval.DynamoDbApprovalStore;
import dev.scangate.lambdas.core.approval.ApprovalIds;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.ApprovalStatus;
import dev.scangate.lambdas.core.approval.RunCounts;
import dev.scangate.local.runtime.LocalConfig;
import dev.scangate.local.runtime.LocalResources;
import dev.scangate.local.runtime.LocalRuntime;
import dev.scangate.local.runtime.RuntimeContext;
import dev.scangate.local.runtime.RuntimeExtension;
import dev.scangate.local.schedule.ScheduleExpression;
import dev.scangate.local.schedule.ScheduledTick;
import dev.scangate.local.sns.EmailNotification;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalReminderExtensionTest {

    @TempDir
    Path dataDir;

    @Test
    void tick_whenAnApprovalIsNearExpiry_mailsOneReminderToTheOutbox() throws Exception {
        List<EmailNotification> mail = new CopyOnWriteArrayList<>();
        CountDownLatch delivered = new CountDownLatch(1);
        SeedApproval seed = new SeedApproval();
        // every minute, with a clock just before a minute boundary: the first tick is due at once
        var clock = Clock.fixed(Instant.parse("2026-03-10T10:15:59.990Z"), ZoneOffset.UTC);
        LocalRuntime runtime = LocalRuntime.builder()
                .config(LocalConfig.builder().dataDir(dataDir).port(0).schedule("off").approvers(List.of("ana@example.com")).build())
                .emailDelivery(n -> {
                    mail.add(n);
                    delivered.countDown();
                })
                .extension(seed)
                .extension(new ApprovalReminderExtension(ScheduleExpression.parse("cron(* * * * ? *)"), clock))
                .build()
                .start();
        try {
            assertThat(delivered.await(60, TimeUnit.SECONDS)).as("a reminder reached the outbox").isTrue();
        } finally {
            runtime.stop();
        }

        assertThat(mail).singleElement().satisfies(n -> {
            assertThat(n.to()).isEqualTo("ana@example.com");
            assertThat(n.topicArn()).isEqualTo(LocalResources.topicArn(LocalResources.APPROVAL_TOPIC));
            assertThat(n.subject()).startsWith("ScanGate reminder: review expires").endsWith("run run-local");
            assertThat(n.body()).contains("/approvals/" + seed.record.approvalId() + "?exp=")
                    .doesNotContain(seed.record.taskToken());
        });
    }

    @Test
    void create_whenDefault_runsHourlyAsTheStackDoes() {
        assertThat(new ApprovalReminderExtension().name()).contains("rate(1 hour)");
        assertThat(ApprovalReminderExtension.SCHEDULE).isEqualTo("rate(1 hour)");
    }

    @Test
    void scheduledEvent_whenTicked_looksLikeEventBridgesScheduledEvent() {
        String event = ApprovalReminderExtension.scheduledEvent(
                new ScheduledTick("abc-123", Instant.parse("2026-03-10T10:16:00.004Z")));

        assertThat(event).contains("\"id\":\"abc-123\"").contains("\"detail-type\":\"Scheduled Event\"")
                .contains("\"source\":\"aws.events\"").contains("\"time\":\"2026-03-10T10:16:00Z\"")
                .contains("rule/scangate-approval-reminder");
    }

    /** Puts a pending approval that expires in two hours into the provisioned table, before the reminder starts. */
    static final class SeedApproval implements RuntimeExtension {
        volatile ApprovalRecord record;

        @Override
        public String name() {
            return "seed approval";
        }

        @Override
        public void start(RuntimeContext context) {
            Instant now = Instant.now();
            record = new ApprovalRecord(ApprovalIds.newId(), "run-local", "reports/run-local.json", "task-token-local",
                    ApprovalStatus.PENDING, new RunCounts(1, 0, 1, 0),
                    List.of(new ApprovalObject("a.csv", 10, "FLAGGED", "High", List.of(), List.of())),
                    List.of("ana@example.com"), now, now.plus(Duration.ofHours(2)), null, null);
            try (var dynamoDb = context.clients().dynamoDb()) {
                DynamoDbApprovalStore.create(dynamoDb, LocalResources.APPROVAL_TABLE).createOrRefresh(record);
            }
        }

        @Override
        public void stop() {
        }
    }
}
