package dev.scangate.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code npx cdk synth} from the repository root, offline and without credentials, exactly as a
 * user runs it (cdk.json's app command, the pinned CLI).
 */
class CdkSynthCliTest {

    private static final List<String> CREDENTIALS = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_PROFILE");

    @Test
    void cdkSynth_whenRunFromRepositoryRoot_writesTheStackTemplate(@TempDir Path out) throws Exception {
        NodeTool.Result result = NodeTool.run("cdk", Map.of("CDK_DISABLE_VERSION_CHECK", "1"), CREDENTIALS,
                "synth", "--quiet", "--no-notices", "--output", out.toString(), "-c", "scangate:approverEmail=approver@example.com");

        assertThat(result.exitCode()).as(result.output()).isZero();
        Path template = out.resolve(ScanGateApp.STACK_NAME + ".template.json");
        assertThat(template).exists();
        assertThat(Files.readString(template)).contains("AWS::StepFunctions::StateMachine").contains("approver@example.com");
    }

    @Test
    void cdkSynth_whenContextBad_failsWithTheProblem(@TempDir Path out) {
        NodeTool.Result result = NodeTool.run("cdk", Map.of("CDK_DISABLE_VERSION_CHECK", "1"), CREDENTIALS,
                "synth", "--quiet", "--no-notices", "--output", out.toString(), "-c", "scangate:approverEmail=not-an-email");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("scangate:approverEmail: 'not-an-email' is not an email address");
    }
}
