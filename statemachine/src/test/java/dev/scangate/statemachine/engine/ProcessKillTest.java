package dev.scangate.statemachine.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real SIGKILL of the process running an execution; a new engine on the same data directory finishes it. */
class ProcessKillTest {

    @TempDir
    Path dir;

    @Test
    void restart_afterSigkillMidExecution_finishesWithEveryStepRecordedOnce() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillableEngineMain.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String arn = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("STARTED ")) {
                    arn = line.substring("STARTED ".length());
                    break;
                }
            }
            Thread.sleep(2500);
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertThat(arn).isNotNull();

        try (Engine engine = Engine.builder().dataDirectory(dir).build().start()) {
            // five one-second waits cannot have finished 2.5 s after the start: the kill hit a running execution
            assertThat(engine.describeExecution(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
            ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(60));

            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Json.parse(done.output()).get("i").asInt()).isEqualTo(5);
            List<HistoryEvent> history = engine.history(arn);
            assertThat(history.stream().filter(e -> e.type().equals("PassStateEntered")
                    && e.details().get("name").asText().equals("Inc"))).hasSize(5);
            for (int i = 0; i < history.size(); i++) {
                assertThat(history.get(i).id()).isEqualTo(i + 1);
            }
        }
    }
}
