package dev.scangate.local.commands;

import static dev.scangate.local.commands.Fixtures.ev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.local.commands.SfnStub.Response;
import dev.scangate.local.commands.aws.S3ObjectStore;
import dev.scangate.local.commands.aws.SfnExecutions;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class ShowCommandTest {

    private final SfnStub sfn = SfnStub.start();
    private final S3Client s3 = S3MockSupport.client();
    private final TestConsole console = TestConsole.plain();

    @AfterEach
    void stop() {
        sfn.close();
        s3.close();
    }

    private ShowCommand command() {
        return new ShowCommand(new SfnExecutions(sfn.client()), new S3ObjectStore(s3), Fixtures.SM,
                S3MockSupport.SCAN_STAGE, console.console());
    }

    private void execution(String name, String status, String runId) {
        var e = Fixtures.execution(name, status, runId);
        sfn.on("ListExecutions", b -> Response.ok(Fixtures.list(e)));
        sfn.on("DescribeExecution", b -> Response.ok(e.toString()));
        sfn.on("GetExecutionHistory", b -> Response.ok(Fixtures.history(false, ev("ExecutionStarted"),
                ev("PassStateEntered", "Initialize"), ev("TaskStateEntered", "StageObjects"),
                ev("TaskStateEntered", "StartScan"),
                ev("WaitStateEntered", "WaitForScan"), ev("TaskStateEntered", "CheckScan"),
                ev("WaitStateEntered", "WaitForScan"), ev("TaskStateEntered", "CheckScan"),
                ev("WaitStateEntered", "WaitForScan"), ev("TaskStateEntered", "CheckScan"),
                ev("TaskStateEntered", "CollectFindings"), ev("ExecutionSucceeded"))));
    }

    private void putReport(String runId, byte[] body) {
        s3.putObject(b -> b.bucket(S3MockSupport.SCAN_STAGE).key("reports/" + runId + ".json"), RequestBody.fromBytes(body));
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = ShowCommandTest.class.getResourceAsStream("run-report.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void run_whenReportExists_printsExecutionPathAndPerObjectOutcome() throws IOException {
        execution("run-show", "SUCCEEDED", "run-show");
        putReport("run-show", fixture());

        int exit = command().run("run-show");

        assertThat(exit).isZero();
        assertThat(sfn.calls("GetExecutionHistory").get(0).body().path("reverseOrder").asBoolean()).isFalse();
        String out = console.output();
        assertThat(out)
                .contains("Run run-show")
                .contains("  status     SUCCEEDED")
                .contains("  started    2026-03-23 10:00:00Z   duration 1m15s")
                .contains("  path       Initialize → StageObjects → StartScan → (WaitForScan → CheckScan) ×3 → CollectFindings")
                .contains("Report s3://scangate-scan-stage/reports/run-show.json")
                .contains("  scan       job a1b2c3 COMPLETE, threshold MEDIUM")
                .contains("  objects    3 total, 1 clean, 1 flagged, 1 unscanned");
        assertThat(out.lines().filter(l -> l.startsWith("KEY") || l.contains(".csv") || l.startsWith("big.bin")))
                .containsExactly(
                        "KEY                        VERDICT    SEVERITY  FINDING TYPES                    ROUTE                                                         DECISION",
                        "clean/quarterly-sales.csv  CLEAN      -         -                                scangate-curated/clean/quarterly-sales.csv                    -",
                        "sensitive/customers.csv    FLAGGED    High      SensitiveData:S3Object/Personal  scangate-manual-review/runs/run-show/sensitive/customers.csv  DENY by ana@example.com at 2026-03-23T10:19:00Z",
                        "big.bin                    UNSCANNED  -         -                                -                                                             -");
    }

    @Test
    void run_whenNoReportYet_saysSoAndShowsTheExecution() {
        execution("run-new", "RUNNING", "run-new");

        int exit = command().run("run-new");

        assertThat(exit).isZero();
        assertThat(console.output()).contains("  status     RUNNING")
                .contains("No run report yet (s3://scangate-scan-stage/reports/run-new.json).");
    }

    @Test
    void run_whenExecutionNamedDifferently_readsReportOfTheInputRunId() throws IOException {
        execution("run-show-replay-1", "SUCCEEDED", "run-show");
        putReport("run-show", fixture());

        command().run("run-show");

        assertThat(console.output()).contains("  execution  run-show-replay-1").contains("sensitive/customers.csv");
    }

    @Test
    void run_whenRunWasReplayed_showsNewestAttemptAndListsAll() {
        var replay = Fixtures.execution("run-r-replay-1", "SUCCEEDED", "run-r");
        var original = Fixtures.execution("run-r", "FAILED", "run-r");
        sfn.on("ListExecutions", b -> Response.ok(Fixtures.list(replay, original)));
        sfn.on("DescribeExecution", b -> Response.ok(replay.toString()));
        sfn.on("GetExecutionHistory", b -> Response.ok("{\"events\":[]}"));

        command().run("run-r");

        assertThat(sfn.calls("DescribeExecution").get(0).body().path("executionArn").asText())
                .isEqualTo(Fixtures.arn("run-r-replay-1"));
        assertThat(console.output()).contains("  attempts   run-r-replay-1 (SUCCEEDED), run-r (FAILED)")
                .contains("  path       -");
    }

    @Test
    void run_whenReportIsCorrupt_failsNamingTheReport() {
        execution("run-bad", "SUCCEEDED", "run-bad");
        putReport("run-bad", "{\"objects\": [".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> command().run("run-bad"))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("Run report s3://scangate-scan-stage/reports/run-bad.json is unreadable: not valid JSON");
    }

    @Test
    void report_whenScanStageBucketMissing_failsWithOneLine() {
        var show = new ShowCommand(new SfnExecutions(sfn.client()), new S3ObjectStore(s3), Fixtures.SM,
                "no-such-bucket", console.console());

        assertThatThrownBy(() -> show.report("run-x"))
                .isInstanceOf(CommandException.class)
                .hasMessage("Bucket no-such-bucket does not exist");
    }
}
