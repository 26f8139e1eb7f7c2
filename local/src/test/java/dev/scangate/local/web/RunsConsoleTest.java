package dev.scangate.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.local.runtime.LocalConfig;
import dev.scangate.local.runtime.LocalRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console of runs through HTTP, on a runtime with the web server but no pipeline runs. */
class RunsConsoleTest {

    @TempDir
    static Path dataDir;

    static LocalRuntime runtime;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder()
                .config(LocalConfig.builder().dataDir(dataDir).port(0).webPort(0).schedule("off").build())
                .extension(new WebServer())
                .build().start();
        base = runtime.webEndpoint().toString();
    }

    @AfterAll
    static void stop() {
        runtime.stop();
    }

    @Test
    void runsPage_whenNoStateMachine_saysSoWithoutAStackTrace() throws Exception {
        var response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'none'");
        // this runtime has no Step Functions: the page says so in one line, never with a stack trace
        assertThat(response.body()).contains("<h1>Runs</h1>").contains("does not serve service &#39;states&#39;")
                .doesNotContain("\tat ").doesNotContain(".java:");
    }

    @Test
    void runPage_whenKeyHasMarkup_isEscapedOr404() throws Exception {
        assertThat(get("/runs/%3Cscript%3E").statusCode()).isEqualTo(404);
        var page = get("/runs/run-1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Run run-1").contains("<form method=\"post\" action=\"/runs/run-1/replay\">");
    }

    @Test
    void replay_whenGet_isRefusedAndStartsNothing() throws Exception {
        var response = get("/runs/run-1/replay");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void replay_whenPostedFromAnotherSite_isForbidden() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/runs/run-1/replay"))
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void replay_whenPostedFromTheConsoleOnAnEphemeralPort_isNotRefused() throws Exception {
        // web port 0: the console's own origin is the bound port, not the configured 0
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/runs/run-1/replay"))
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("replay run-1");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
