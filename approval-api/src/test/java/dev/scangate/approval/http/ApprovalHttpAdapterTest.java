package dev.scangate.approval.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.scangate.approval.handler.ApprovalApiHandler;
import dev.scangate.approval.testing.ApprovalFixture;
import dev.scangate.approval.testing.ApprovalFixture.Requested;
import dev.scangate.lambdas.core.approval.ApprovalStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApprovalHttpAdapterTest {

    private static ApprovalFixture fixture;
    private static HttpServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        fixture = ApprovalFixture.start();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ApprovalHttpAdapter adapter = ApprovalHttpAdapter.create(new ApprovalApiHandler(fixture.environment()));
        server.createContext("/approvals/", adapter);
        server.createContext("/health", adapter);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        fixture.close();
    }

    @Test
    void get_whenServedByHttpServer_rendersPageWithHeaders() throws Exception {
        Requested r = fixture.request(base, ApprovalFixture.sampleObjects(), List.of());

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(r.link()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(page.body()).contains("customers/2026/export.csv");
        assertThat(fixture.store().find(r.approvalId()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void health_whenServedByHttpServer_isOk() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void post_whenBodyOverLimit_is413BeforeReachingTheApi() throws Exception {
        Requested r = fixture.request(base, ApprovalFixture.sampleObjects(), List.of());
        URI decision = URI.create(base + "/approvals/" + r.approvalId() + "/decision?" + r.rawQuery());

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(decision)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("all=APPROVE&approver=a%40b.c&pad=" + "x".repeat(2 << 20)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(fixture.store().find(r.approvalId()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    }
}
