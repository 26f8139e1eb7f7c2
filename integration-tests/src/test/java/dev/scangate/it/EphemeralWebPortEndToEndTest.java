package dev.scangate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.it.support.ReviewHttp;
import dev.scangate.it.support.Samples;
import dev.scangate.it.support.TestRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web port 0: the runtime binds a free port and every link it mails or serves carries that port. */
class EphemeralWebPortEndToEndTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path scratch;

    @Test
    void approvalMail_whenWebPortIsZero_linksTheBoundPortAndTheLinkAnswers() {
        String runId = "ephemeral-web-port";
        var sensitive = Samples.under(scratch, runId, true).entrySet().iterator().next();
        try (var runtime = TestRuntime.start(TestRuntime.config(dataDir, 0).build())) {
            runtime.putRaw(sensitive.getKey(), sensitive.getValue());
            runtime.startRun(runId);

            var link = runtime.awaitApprovalRequest(runId).reviewLink().orElseThrow();

            int bound = runtime.webEndpoint().getPort();
            assertThat(bound).isPositive();
            assertThat(link.reviewPage().getPort()).as("the link in the .eml").isEqualTo(bound);
            var page = new ReviewHttp().get(link.reviewPage());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains(sensitive.getKey());
            assertThat(new ReviewHttp().get(runtime.webEndpoint().resolve("/runs/" + runId)).status())
                    .as("the console on the same port").isEqualTo(200);
        }
    }
}
