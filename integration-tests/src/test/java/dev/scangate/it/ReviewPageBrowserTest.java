package dev.scangate.it;

import static dev.scangate.local.runtime.LocalResources.CURATED_BUCKET;
import static dev.scangate.local.runtime.LocalResources.MANUAL_REVIEW_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scangate.it.support.ApprovalLink;
import dev.scangate.it.support.Samples;
import dev.scangate.it.support.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** An approver opens the mailed link in a real (headless) browser and decides on the page. */
class ReviewPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dataDir;

    @TempDir
    Path scratch;

    @TempDir
    Path browserProfile;

    private TestRuntime runtime;
    private WebDriver browser;

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromedriver in /usr/bin");
        runtime = TestRuntime.start(TestRuntime.config(dataDir, TestRuntime.freePort()).build());
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--no-first-run",
                        "--disable-sync", "--user-data-dir=" + browserProfile);
        // the driver is given, so Selenium Manager never looks for (or downloads) one
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void reviewPage_whenOpenedFromTheMailAndSubmitted_recordsOneApprovalAndOneDenial() {
        String runId = "browser-run";
        Map<String, byte[]> all = Samples.under(scratch, runId, true);
        List<String> keys = new ArrayList<>(all.keySet()).subList(0, 2);
        keys.forEach(k -> runtime.putRaw(k, all.get(k)));
        String executionArn = runtime.startRun(runId);
        ApprovalLink link = runtime.awaitApprovalRequest(runId).reviewLink().orElseThrow();
        String approvedKey = keys.get(0);
        String deniedKey = keys.get(1);

        browser.get(link.reviewPage().toString());

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Review held objects");
        assertThat(runtime.describe(executionArn).status()).as("opening the page decides nothing").isEqualTo(ExecutionStatus.RUNNING);
        choose(approvedKey, "APPROVE");
        choose(deniedKey, "DENY");
        browser.findElement(By.name("approver")).sendKeys(TestRuntime.APPROVER);
        browser.findElement(By.id("submit")).click();

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Decision recorded"));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("1 approved, 1 denied")
                .contains(TestRuntime.APPROVER);
        assertThat(runtime.awaitEnd(executionArn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(runtime.read(CURATED_BUCKET, approvedKey)).isEqualTo(all.get(approvedKey));
        assertThat(runtime.keys(CURATED_BUCKET, deniedKey)).isEmpty();
        assertThat(runtime.keys(MANUAL_REVIEW_BUCKET, "runs/" + runId + "/")).isEmpty();
    }

    private void choose(String key, String action) {
        browser.findElement(By.xpath("//tr[td[@class='key' and normalize-space(text())='" + key + "']]"
                + "//input[@value='" + action + "']")).click();
    }
}
