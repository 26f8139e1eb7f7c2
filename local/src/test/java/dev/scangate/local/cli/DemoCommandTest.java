package dev.scangate.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README command one, unattended: the whole pipeline on this machine, decided with --deny. */
class DemoCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void demo_whenDenyAll_promotesCleanFilesOnlyAndSucceeds() throws IOException {
        var captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        var err = new StringWriter();
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = ScanGateCli.execute(new PrintWriter(System.out, true), new PrintWriter(err, true),
                    "demo", "--data-dir", dataDir.toString(), "--port", Integer.toString(freePort()),
                    "--web-port", Integer.toString(freePort()), "--deny");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out).contains("Decided DENY for 5 object(s)").contains("SUCCEEDED");
        assertThat(out.lines().filter(l -> l.startsWith("clean/")))
                .hasSize(5).allSatisfy(l -> assertThat(l).contains("CLEAN").contains("scangate-curated/"));
        assertThat(out.lines().filter(l -> l.startsWith("sensitive/")))
                .hasSize(5).allSatisfy(l -> assertThat(l).contains("FLAGGED").contains("DENY"));
        try (var outbox = Files.list(dataDir.resolve("outbox"))) {
            assertThat(outbox.filter(p -> p.toString().endsWith(".eml"))).hasSize(1);
        }
    }

    @Test
    void demo_whenApproveAndDeny_isAUsageError() {
        var err = new StringWriter();
        int code = ScanGateCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "demo", "--data-dir", dataDir.toString(), "--approve", "--deny");
        assertThat(code).isEqualTo(ScanGateCli.USAGE);
        assertThat(err.toString()).contains("choose one of --approve and --deny");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
