package dev.scangate.approval.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.scangate.approval.handler.ApprovalApiHandler;
import dev.scangate.approval.testing.ApprovalFixture;
import dev.scangate.approval.testing.ApprovalFixture.Requested;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.ApprovalStatus;
import dev.scangate.lambdas.core.approval.DecisionAction;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** An approver in headless Chromium: opens the emailed link, decides per object, sees the confirmation. */
class ReviewPageBrowserTest {

    private static ApprovalFixture fixture;
    private static HttpServer server;
    private static String base;

    @TempDir
    static Path profile;

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
    void reviewPage_whenApproverDecidesPerObject_confirmsAndResumesWorkflow() throws Exception {
        Requested r = fixture.request(base, ApprovalFixture.sampleObjects(), List.of());
        // A mail link scanner fetches the link first: that must decide nothing.
        HttpResponse<String> scanned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(r.link()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scanned.statusCode()).isEqualTo(200);
        assertThat(fixture.store().find(r.approvalId()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);

        WebDriver browser = chromium();
        try {
            browser.get(r.link().toString());
            String table = browser.findElement(By.tagName("table")).getText();
            assertThat(table).contains("customers/2026/export.csv", "scans/contract.pdf", "EMAIL_ADDRESS");

            browser.findElement(By.cssSelector("input[name='d.0'][value='APPROVE']")).click();
            browser.findElement(By.cssSelector("input[name='d.1'][value='DENY']")).click();
            browser.findElement(By.name("approver")).sendKeys("ann@example.com");
            browser.findElement(By.id("submit")).click();

            assertThat(browser.findElement(By.tagName("h1")).getText()).as(browser.getPageSource()).isEqualTo("Decision recorded");
            assertThat(browser.getPageSource()).contains("1 approved, 1 denied", "ann@example.com");
        } finally {
            browser.quit();
        }
        ApprovalRecord record = fixture.store().find(r.approvalId()).orElseThrow();
        assertThat(record.status()).isEqualTo(ApprovalStatus.DECIDED);
        assertThat(record.decision().decisions())
                .containsEntry("customers/2026/export.csv", DecisionAction.APPROVE)
                .containsEntry("scans/contract.pdf", DecisionAction.DENY);
        assertThat(fixture.aws().successes()).anyMatch(s -> s.taskToken().equals(r.taskToken()));
    }

    private static WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(profile, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
