package dev.scangate.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanGateCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ScanGateCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void localEnv_whenDefaults_printsExportsForTheEdgeEndpoint() {
        assertThat(run("local", "env")).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "export AWS_ENDPOINT_URL=http://127.0.0.1:4566",
                "export AWS_REGION=us-east-1",
                "export AWS_DEFAULT_REGION=us-east-1",
                "export AWS_ACCESS_KEY_ID=test",
                "export AWS_SECRET_ACCESS_KEY=test",
                "unset AWS_SESSION_TOKEN AWS_PROFILE");
    }

    @Test
    void localEnv_whenPortFromConfigFileAndFlag_flagWins(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("scangate.properties");
        Files.writeString(config, "port=5000\nschedule=off\n");
        assertThat(run("local", "env", "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("AWS_ENDPOINT_URL=http://127.0.0.1:5000");

        assertThat(run("local", "env", "--config", config.toString(), "--port", "5001")).isZero();
        assertThat(out.toString()).contains("AWS_ENDPOINT_URL=http://127.0.0.1:5001");
    }

    @Test
    void localEnv_whenConfigFileHasUnknownKey_failsWithOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("scangate.properties");
        Files.writeString(config, "prot=5000\n");
        assertThat(run("local", "env", "--config", config.toString())).isEqualTo(ScanGateCli.FAILED);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("scangate: config file " + config + ", key prot is not a setting; known keys:");
    }

    @Test
    void localUp_whenScheduleInvalid_failsWithOneLine(@TempDir Path dir) {
        assertThat(run("local", "up", "--data-dir", dir.toString(), "--schedule", "rate(1 minutes)")).isEqualTo(ScanGateCli.FAILED);
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("scangate: schedule: invalid schedule expression 'rate(1 minutes)': a value of 1 takes a singular unit, e.g. rate(1 minute)");
    }

    @Test
    void localUp_whenPortTaken_failsWithOneLineNamingThePort(@TempDir Path dir) throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int code = run("local", "up", "--data-dir", dir.resolve("data").toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(code).isEqualTo(ScanGateCli.FAILED);
            assertThat(err.toString().lines()).singleElement().asString()
                    .startsWith("scangate: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .endsWith("choose another with --port");
        }
    }

    @Test
    void replay_whenAwsWithoutStackOutputs_namesTheMissingFlag() {
        assertThat(run("replay", "run-1", "--aws")).isEqualTo(ScanGateCli.FAILED);
        assertThat(err.toString().lines()).containsExactly(
                "scangate: --state-machine is required with --aws (see the stack outputs)");
    }

    @Test
    void execute_whenOptionUnknown_failsWithUsageLine() {
        assertThat(run("local", "env", "--prot", "1")).isEqualTo(ScanGateCli.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
                .contains("Unknown options: '--prot'").contains("see 'scangate local env --help'");
    }

    @Test
    void execute_whenNoCommand_asksForOne() {
        assertThat(run()).isEqualTo(ScanGateCli.USAGE);
        assertThat(err.toString()).contains("a command is needed");
    }

    @Test
    void help_listsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("local", "demo", "put", "run", "runs", "show", "approvals",
                "replay", "redrive", "scan", "bench");
    }
}
