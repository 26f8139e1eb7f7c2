package dev.scangate.lambdas.handler;

import static dev.scangate.lambdas.testing.Invocations.invoke;
import static dev.scangate.lambdas.testing.PipelineBuckets.CURATED;
import static dev.scangate.lambdas.testing.PipelineBuckets.MANUAL_REVIEW;
import static dev.scangate.lambdas.testing.PipelineBuckets.RAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.report.Verdict;
import dev.scangate.lambdas.testing.Buckets;
import dev.scangate.lambdas.testing.PipelineBuckets;
import dev.scangate.lambdas.testing.RunFixtures;
import dev.scangate.lambdas.testing.S3MockExtension;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApplyDecisionHandlerTest {

    @RegisterExtension
    static final S3MockExtension S3 = new S3MockExtension();

    static final String RUN = "run-d";

    PipelineBuckets pipeline;
    Buckets buckets;

    @BeforeEach
    void heldForReview() {
        pipeline = PipelineBuckets.create(S3);
        buckets = S3.buckets();
        var verdicts = Map.of("keep me.csv", Verdict.FLAGGED, "drop+me.csv", Verdict.UNSCANNED,
                "undecided.csv", Verdict.FLAGGED, "clean.csv", Verdict.CLEAN);
        verdicts.keySet().forEach(key -> buckets.put(RAW, key, ("content of " + key).getBytes(StandardCharsets.UTF_8),
                "text/csv", Map.of(), Map.of("owner", "team-a")));
        invoke(new StageObjectsHandler(pipeline.environment()), StageObjectsHandlerTest.event(RUN, 0));
        RunFixtures.writeReport(pipeline, RUN, verdicts);
        invoke(new RouteObjectsHandler(pipeline.environment()), RouteObjectsHandlerTest.event(RUN, 0));
    }

    @Test
    void apply_whenApprovedAndDenied_promotesTheOneAndDeletesTheOtherRecoverably() {
        var result = invoke(handler(), event("{\"keep me.csv\": \"APPROVE\", \"drop+me.csv\": \"DENY\"}"));

        assertThat(result.toString()).isEqualTo("{\"approved\":1,\"denied\":1}");
        assertThat(buckets.read(CURATED, "keep me.csv")).contains("content of keep me.csv");
        assertThat(buckets.tags(CURATED, "keep me.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "owner", "team-a", "SensitiveDataFound", "true", "ScanGateRun", RUN));
        assertThat(buckets.keys(MANUAL_REVIEW)).containsExactly("runs/run-d/undecided.csv");
        assertThat(buckets.versions(MANUAL_REVIEW)).extracting(v -> v.key())
                .as("a denied object stays recoverable as a noncurrent version")
                .contains("runs/run-d/drop+me.csv");
        var report = RouteObjectsHandlerTest.report(buckets, RUN);
        var kept = RouteObjectsHandlerTest.object(report, "keep me.csv");
        assertThat(kept.at("/decision/action").asText()).isEqualTo("APPROVE");
        assertThat(kept.at("/decision/approver").asText()).isEqualTo("alice@example.com");
        assertThat(kept.at("/decision/decidedAt").asText()).isEqualTo("2026-01-05T12:00:00Z");
        assertThat(kept.at("/route/bucket").asText()).isEqualTo(CURATED);
        assertThat(RouteObjectsHandlerTest.object(report, "drop+me.csv").at("/decision/action").asText()).isEqualTo("DENY");
        assertThat(RouteObjectsHandlerTest.object(report, "undecided.csv").get("decision").isNull()).isTrue();
    }

    @Test
    void apply_whenRunTwice_endsInTheSameState() {
        var decision = event("{\"keep me.csv\": \"APPROVE\", \"drop+me.csv\": \"DENY\"}");
        var first = invoke(handler(), decision);
        var curatedVersions = buckets.versions(CURATED).size();
        var reviewVersions = buckets.versions(MANUAL_REVIEW).size();

        var second = invoke(handler(), decision);

        assertThat(second).isEqualTo(first);
        assertThat(buckets.versions(CURATED)).hasSize(curatedVersions);
        assertThat(buckets.versions(MANUAL_REVIEW)).hasSize(reviewVersions);
        assertThat(buckets.keys(MANUAL_REVIEW)).containsExactly("runs/run-d/undecided.csv");
    }

    @Test
    void apply_whenKeysUnknownOrNotHeld_namesThemAndMovesNothing() {
        assertThatThrownBy(() -> invoke(handler(), event("{\"keep me.csv\": \"APPROVE\", \"nope.csv\": \"DENY\", \"clean.csv\": \"APPROVE\"}")))
                .isInstanceOf(StepInputException.class)
                .hasMessageStartingWith("decisions:").hasMessageContaining("nope.csv").hasMessageContaining("clean.csv");

        assertThat(buckets.keys(MANUAL_REVIEW)).hasSize(3);
        assertThat(buckets.keys(CURATED)).containsExactly("clean.csv");
    }

    @Test
    void apply_whenDecisionChangesAfterwards_refusesIt() {
        invoke(handler(), event("{\"drop+me.csv\": \"DENY\"}"));

        assertThatThrownBy(() -> invoke(handler(), event("{\"drop+me.csv\": \"APPROVE\"}")))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("decisions.drop+me.csv:");
        assertThat(buckets.keys(CURATED)).containsExactly("clean.csv");
    }

    @Test
    void apply_whenInputBad_namesTheFieldAndMovesNothing() {
        assertThatThrownBy(() -> invoke(handler(), event("{\"keep me.csv\": \"MAYBE\"}")))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("decisions.keep me.csv:");
        assertThatThrownBy(() -> invoke(handler(), event("{}")))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("decisions:");
        assertThatThrownBy(() -> invoke(handler(), event("[\"keep me.csv\"]")))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("decisions:");
        assertThatThrownBy(() -> invoke(handler(), "{\"runId\": \"run-d\", \"reportKey\": \"reports/run-d.json\", "
                + "\"decisions\": {\"keep me.csv\": \"APPROVE\"}}"))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("approver:");
        assertThat(buckets.keys(MANUAL_REVIEW)).hasSize(3);
    }

    private ApplyDecisionHandler handler() {
        return new ApplyDecisionHandler(pipeline.environment());
    }

    private static String event(String decisions) {
        return "{\"runId\": \"" + RUN + "\", \"reportKey\": \"reports/" + RUN + ".json\", \"approvalId\": \"ap-1\", "
                + "\"decisions\": " + decisions + ", \"approver\": \"alice@example.com\", \"decidedAt\": \"2026-01-05T12:00:00Z\"}";
    }
}
