package dev.scangate.approval.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.approval.testing.ApprovalFixture;
import dev.scangate.approval.testing.ApprovalFixture.Requested;
import dev.scangate.lambdas.core.approval.ApprovalLink;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.ApprovalStatus;
import dev.scangate.lambdas.core.approval.DecisionAction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApprovalApiHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://approvals.example.com";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private static ApprovalFixture fixture;
    private static ApprovalApiHandler handler;

    @BeforeAll
    static void start() {
        fixture = ApprovalFixture.start();
        handler = new ApprovalApiHandler(fixture.environment());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void notification_whenRequested_carriesSignedLinkAndNeverTheToken() {
        Requested r = request();

        assertThat(r.message()).contains(BASE + "/approvals/" + r.approvalId() + "?exp=").contains("&sig=")
                .doesNotContain(r.taskToken()).contains("2 objects").contains("High").contains("EMAIL_ADDRESS (12)");
        assertThat(r.subject()).contains("2 objects held for review (High)").hasSizeLessThan(100);
    }

    @Test
    void get_whenLinkValid_showsObjectsAndLeavesApprovalPending() {
        Requested r = request();

        APIGatewayV2HTTPResponse page = get(r.link().getRawPath(), r.rawQuery());
        APIGatewayV2HTTPResponse again = get(r.link().getRawPath(), r.rawQuery());

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("customers/2026/export.csv", "scans/contract.pdf", "EMAIL_ADDRESS",
                "row 2, column email", "20.0 KiB", "name=\"d.0\"", "name=\"approver\"");
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
        assertThat(fixture.aws().successes()).noneMatch(s -> s.taskToken().equals(r.taskToken()));
    }

    @Test
    void get_always_sendsSecurityHeaders() throws Exception {
        Requested r = request();

        APIGatewayV2HTTPResponse page = get(r.link().getRawPath(), r.rawQuery());
        Map<String, String> headers = page.getHeaders();
        String style = page.getBody().replaceAll("(?s).*<style>(.*)</style>.*", "$1");
        String styleHash = java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));

        assertThat(headers).containsEntry("Cache-Control", "no-store")
                .containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("X-Content-Type-Options", "nosniff");
        assertThat(headers.get("Content-Security-Policy")).contains("frame-ancestors 'none'", "default-src 'none'")
                .contains("style-src 'sha256-" + styleHash + "'")
                .doesNotContain("unsafe-inline");
        assertThat(page.getBody()).doesNotContain("<script");
    }

    @Test
    void get_whenSignatureTampered_is403AndShowsNoObjects() {
        Requested r = request();
        String tampered = r.rawQuery().replaceFirst("sig=.", "sig=" + (r.rawQuery().contains("sig=A") ? "B" : "A"));

        APIGatewayV2HTTPResponse page = get(r.link().getRawPath(), tampered);

        assertThat(page.getStatusCode()).isEqualTo(403);
        assertThat(page.getBody()).contains("not valid").doesNotContain("export.csv").doesNotContain("Exception");
    }

    @Test
    void get_whenSignatureMissing_is403() {
        Requested r = request();

        APIGatewayV2HTTPResponse page = get(r.link().getRawPath(), r.rawQuery().replaceAll("&sig=[^&]*", ""));

        assertThat(page.getStatusCode()).isEqualTo(403);
        assertThat(page.getBody()).contains("incomplete");
    }

    @Test
    void get_whenIdTampered_is403() {
        Requested r = request();
        Requested other = request();

        APIGatewayV2HTTPResponse page = get("/approvals/" + other.approvalId(), r.rawQuery());

        assertThat(page.getStatusCode()).isEqualTo(403);
        assertThat(page.getBody()).doesNotContain("export.csv");
    }

    @Test
    void get_whenLinkExpired_is410() {
        Requested r = request();
        ApprovalLink old = fixture.signer().link(r.approvalId(), Instant.now().minusSeconds(60));

        APIGatewayV2HTTPResponse page = get("/approvals/" + r.approvalId(), old.queryString());

        assertThat(page.getStatusCode()).isEqualTo(410);
        assertThat(page.getBody()).contains("expired");
    }

    @Test
    void get_whenApprovalUnknown_is404() {
        String unknown = dev.scangate.lambdas.core.approval.ApprovalIds.newId();
        ApprovalLink link = fixture.signer().link(unknown, Instant.now().plusSeconds(600));

        APIGatewayV2HTTPResponse page = get("/approvals/" + unknown, link.queryString());

        assertThat(page.getStatusCode()).isEqualTo(404);
    }

    @Test
    void getJson_whenLinkValid_describesApprovalForTools() throws Exception {
        Requested r = request();

        APIGatewayV2HTTPResponse response = get("/approvals/" + r.approvalId() + ".json", r.rawQuery());

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.path("approvalId").asText()).isEqualTo(r.approvalId());
        assertThat(body.path("runId").asText()).isEqualTo(r.runId());
        assertThat(body.path("status").asText()).isEqualTo("PENDING");
        assertThat(Instant.parse(body.path("expiresAt").asText())).isAfter(Instant.now());
        assertThat(body.path("objects").get(0).path("key").asText()).isEqualTo("customers/2026/export.csv");
        assertThat(body.path("objects").get(0).path("sizeBytes").asLong()).isEqualTo(20_480);
        assertThat(body.path("objects").get(0).path("severity").asText()).isEqualTo("High");
        assertThat(body.path("objects").get(1).path("verdict").asText()).isEqualTo("UNSCANNED");
        assertThat(body.path("objects").get(0).path("findingTypes").get(0).asText())
                .isEqualTo("SensitiveData:S3Object/Personal");
    }

    @Test
    void postForm_whenValid_recordsDecisionResumesWorkflowAndPublishesEvent() throws Exception {
        Requested r = request();
        String csrf = csrf(r);

        APIGatewayV2HTTPResponse response = postForm(r, "csrf=" + enc(csrf) + "&d.0=APPROVE&d.1=DENY&approver=Ann%40Example.com");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("Decision recorded", "1 approved, 1 denied", "ann@example.com");
        ApprovalRecord record = fixture.store().find(r.approvalId()).orElseThrow();
        assertThat(record.status()).isEqualTo(ApprovalStatus.DECIDED);
        assertThat(record.decision().decisions()).containsEntry("customers/2026/export.csv", DecisionAction.APPROVE)
                .containsEntry("scans/contract.pdf", DecisionAction.DENY);
        JsonNode output = JSON.readTree(success(r).output());
        assertThat(output.path("approvalId").asText()).isEqualTo(r.approvalId());
        assertThat(output.path("decisions").path("customers/2026/export.csv").asText()).isEqualTo("APPROVE");
        assertThat(output.path("decisions").path("scans/contract.pdf").asText()).isEqualTo("DENY");
        assertThat(output.path("approver").asText()).isEqualTo("ann@example.com");
        assertThat(Instant.parse(output.path("decidedAt").asText())).isBeforeOrEqualTo(Instant.now());
        JsonNode event = fixture.aws().events().stream()
                .filter(e -> e.path("Detail").asText().contains(r.approvalId())).findFirst().orElseThrow();
        assertThat(event.path("Source").asText()).isEqualTo("scangate");
        assertThat(event.path("DetailType").asText()).isEqualTo("ScanGate Approval Decided");
        assertThat(event.path("EventBusName").asText()).isEqualTo("scangate-bus");
        JsonNode detail = JSON.readTree(event.path("Detail").asText());
        assertThat(detail.path("runId").asText()).isEqualTo(r.runId());
        assertThat(detail.path("counts").path("approved").asLong()).isEqualTo(1);
        assertThat(detail.path("reportLocation").asText())
                .isEqualTo("s3://scangate-scan-stage/reports/" + r.runId() + ".json");
    }

    @Test
    void postForm_whenReplayed_is409AndChangesNothing() {
        Requested r = request();
        String csrf = enc(csrf(r));
        assertThat(postForm(r, "csrf=" + csrf + "&d.0=APPROVE&d.1=DENY&approver=ann%40example.com").getStatusCode())
                .isEqualTo(200);

        APIGatewayV2HTTPResponse replay = postForm(r, "csrf=" + csrf + "&all=DENY&approver=eve%40example.com");

        assertThat(replay.getStatusCode()).isEqualTo(409);
        assertThat(replay.getBody()).contains("Already decided", "ann@example.com");
        ApprovalRecord record = fixture.store().find(r.approvalId()).orElseThrow();
        assertThat(record.decision().approver()).isEqualTo("ann@example.com");
        assertThat(record.decision().decisions()).containsEntry("customers/2026/export.csv", DecisionAction.APPROVE);
        assertThat(fixture.aws().successes()).filteredOn(s -> s.taskToken().equals(r.taskToken())).hasSize(1);
    }

    @Test
    void postForm_whenApproveAll_decidesEveryObject() {
        Requested r = request();

        APIGatewayV2HTTPResponse response = postForm(r, "csrf=" + enc(csrf(r)) + "&all=APPROVE&approver=ann%40example.com");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(fixture.store().find(r.approvalId()).orElseThrow().decision().decisions())
                .containsOnly(Map.entry("customers/2026/export.csv", DecisionAction.APPROVE),
                        Map.entry("scans/contract.pdf", DecisionAction.APPROVE));
    }

    @Test
    void postForm_whenCsrfTokenMissingOrWrong_is403AndStaysPending() {
        Requested r = request();
        Requested other = request();

        APIGatewayV2HTTPResponse missing = postForm(r, "d.0=APPROVE&d.1=DENY&approver=ann%40example.com");
        APIGatewayV2HTTPResponse foreign = postForm(r, "csrf=" + enc(csrf(other)) + "&all=APPROVE&approver=ann%40example.com");

        assertThat(missing.getStatusCode()).isEqualTo(403);
        assertThat(foreign.getStatusCode()).isEqualTo(403);
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void postForm_whenAnObjectIsUndecided_is400NamingIt() {
        Requested r = request();

        APIGatewayV2HTTPResponse response = postForm(r, "csrf=" + enc(csrf(r)) + "&d.0=APPROVE&approver=ann%40example.com");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("scans/contract.pdf");
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void postForm_whenFieldRepeatedOrIndexUnknownOrApproverMissing_is400() {
        Requested r = request();
        String csrf = "csrf=" + enc(csrf(r));

        assertThat(postForm(r, csrf + "&d.0=APPROVE&d.0=DENY&d.1=DENY&approver=a%40b.c").getStatusCode()).isEqualTo(400);
        assertThat(postForm(r, csrf + "&d.0=APPROVE&d.1=DENY&d.7=DENY&approver=a%40b.c").getStatusCode()).isEqualTo(400);
        assertThat(postForm(r, csrf + "&d.0=APPROVE&d.1=MAYBE&approver=a%40b.c").getStatusCode()).isEqualTo(400);
        assertThat(postForm(r, csrf + "&d.0=APPROVE&d.1=DENY").getStatusCode()).isEqualTo(400);
        assertThat(postForm(r, csrf + "&d.0=APPROVE&d.1=DENY&approver=not-an-email").getStatusCode()).isEqualTo(400);
        assertThat(postForm(r, csrf + "&d.0=APPROVE&d.1=DENY&approver=%ZZ").getStatusCode()).isEqualTo(400);
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void postForm_whenSentFromAnotherSite_is403() {
        Requested r = request();

        APIGatewayV2HTTPResponse response = post(r.link().getRawPath() + "/decision", r.rawQuery(),
                Map.of("content-type", "application/x-www-form-urlencoded", "origin", "https://evil.example",
                        "host", "approvals.example.com"),
                "csrf=" + enc(csrf(r)) + "&all=APPROVE&approver=ann%40example.com");

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void postForm_whenBrowserSaysCrossSite_is403() {
        Requested r = request();

        APIGatewayV2HTTPResponse response = post(r.link().getRawPath() + "/decision", r.rawQuery(),
                Map.of("content-type", "application/x-www-form-urlencoded", "sec-fetch-site", "cross-site"),
                "csrf=" + enc(csrf(r)) + "&all=APPROVE&approver=ann%40example.com");

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void post_whenApproverHeaderConfigured_recordsHeaderIdentityOverFormField() {
        Map<String, String> env = new HashMap<>(fixture.environment());
        env.put("APPROVER_HEADER", "X-Approver-Email");
        ApprovalApiHandler withHeader = new ApprovalApiHandler(env);
        Requested r = request();
        String path = r.link().getRawPath();

        APIGatewayV2HTTPResponse page = withHeader.handleRequest(event("GET", path, r.rawQuery(),
                Map.of("x-approver-email", "sso-user@example.com"), null), null);
        APIGatewayV2HTTPResponse response = withHeader.handleRequest(event("POST", path + "/decision", r.rawQuery(),
                Map.of("content-type", "application/x-www-form-urlencoded", "x-approver-email", "sso-user@example.com"),
                "csrf=" + enc(csrf(r)) + "&all=DENY&approver=someone-else%40example.com"), null);

        assertThat(page.getBody()).contains("Deciding as <strong>sso-user@example.com</strong>")
                .doesNotContain("name=\"approver\"");
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(fixture.store().find(r.approvalId()).orElseThrow().decision().approver())
                .isEqualTo("sso-user@example.com");
    }

    @Test
    void postJson_whenValid_decidesAndAnswersJson() throws Exception {
        Requested r = request();

        APIGatewayV2HTTPResponse response = postJson(r, "{\"decisions\":{\"customers/2026/export.csv\":\"DENY\","
                + "\"scans/contract.pdf\":\"APPROVE\"},\"approver\":\"tool@example.com\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.path("status").asText()).isEqualTo("DECIDED");
        assertThat(body.path("decision").path("decisions").path("scans/contract.pdf").asText()).isEqualTo("APPROVE");
        assertThat(success(r).output()).contains("\"approver\":\"tool@example.com\"");
    }

    @Test
    void postJson_whenKeyBelongsToAnotherApproval_is400AndChangesNothing() throws Exception {
        Requested r = request();
        Requested other = request(List.of(new ApprovalObject("other/secret.csv", 1, "FLAGGED", "Low", List.of(), List.of())));

        APIGatewayV2HTTPResponse response = postJson(r, "{\"decisions\":{\"customers/2026/export.csv\":\"APPROVE\","
                + "\"scans/contract.pdf\":\"APPROVE\",\"other/secret.csv\":\"APPROVE\"},\"approver\":\"a@example.com\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).path("message").asText()).contains("other/secret.csv");
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
        assertThat(status(other)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void postJson_whenMalformed_is400() {
        Requested r = request();

        assertThat(postJson(r, "{\"decisions\": [").getStatusCode()).isEqualTo(400);
        assertThat(postJson(r, "[]").getStatusCode()).isEqualTo(400);
        assertThat(postJson(r, "{\"decisions\":{\"scans/contract.pdf\":7},\"approver\":\"a@example.com\"}")
                .getStatusCode()).isEqualTo(400);
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void post_whenBodyTooLarge_is413() {
        Requested r = request();

        APIGatewayV2HTTPResponse response = postJson(r, "{\"x\":\"" + "a".repeat(1 << 20) + "\"}");

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void post_whenContentTypeUnsupported_is415() {
        Requested r = request();

        APIGatewayV2HTTPResponse response = post(r.link().getRawPath() + "/decision", r.rawQuery(),
                Map.of("content-type", "text/plain"), "APPROVE everything");

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void post_whenSignatureTampered_is403AndChangesNothing() {
        Requested r = request();
        Requested other = request();
        String foreignQuery = other.rawQuery();

        APIGatewayV2HTTPResponse response = post(r.link().getRawPath() + "/decision", foreignQuery,
                Map.of("content-type", "application/json"),
                "{\"decisions\":{\"customers/2026/export.csv\":\"APPROVE\",\"scans/contract.pdf\":\"APPROVE\"},"
                        + "\"approver\":\"a@example.com\"}");

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void post_whenWorkflowTimedOut_marksExpiredAndSaysSo() {
        Requested r = request();
        fixture.aws().timeOut(r.taskToken());

        APIGatewayV2HTTPResponse response = postForm(r, "csrf=" + enc(csrf(r)) + "&all=APPROVE&approver=ann%40example.com");

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(response.getBody()).contains("Too late", "stay in manual review");
        assertThat(status(r)).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(get(r.link().getRawPath(), r.rawQuery()).getStatusCode()).isEqualTo(410);
    }

    @Test
    void post_whenStepFunctionsUnavailable_is503AndApprovalStaysOpen() {
        Requested r = request();
        fixture.aws().sfnUnavailable(true);
        APIGatewayV2HTTPResponse response;
        try {
            response = postForm(r, "csrf=" + enc(csrf(r)) + "&all=APPROVE&approver=ann%40example.com");
        } finally {
            fixture.aws().sfnUnavailable(false);
        }

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
        assertThat(postForm(r, "csrf=" + enc(csrf(r)) + "&all=APPROVE&approver=ann%40example.com").getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void post_whenApproverNotOnList_is403() {
        Requested r = fixture.request(BASE, ApprovalFixture.sampleObjects(), List.of("ann@example.com"));

        APIGatewayV2HTTPResponse denied = postForm(r, "csrf=" + enc(csrf(r)) + "&all=APPROVE&approver=eve%40example.com");
        APIGatewayV2HTTPResponse allowed = postForm(r, "csrf=" + enc(csrf(r)) + "&all=APPROVE&approver=ANN%40example.com");

        assertThat(denied.getStatusCode()).isEqualTo(403);
        assertThat(allowed.getStatusCode()).isEqualTo(200);
    }

    @Test
    void page_whenObjectKeyHoldsHtml_escapesIt() {
        Requested r = request(List.of(new ApprovalObject("<script>alert('x')</script>\"><img src=x>.csv", 10, "FLAGGED",
                "<b>High</b>", List.of(), List.of())));

        String body = get(r.link().getRawPath(), r.rawQuery()).getBody();

        assertThat(body).doesNotContain("<script>alert").doesNotContain("<img src=x>").doesNotContain("<b>High")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x&gt;.csv");
    }

    @Test
    void methods_whenWrongForRoute_are405() {
        Requested r = request();

        assertThat(post(r.link().getRawPath(), r.rawQuery(), Map.of(), "").getStatusCode()).isEqualTo(405);
        assertThat(get(r.link().getRawPath() + "/decision", r.rawQuery()).getStatusCode()).isEqualTo(405);
        assertThat(status(r)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void health_always_isOk() {
        APIGatewayV2HTTPResponse response = get("/health", "");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("ok");
        assertThat(get("/nothing/here", "").getStatusCode()).isEqualTo(404);
    }

    private static Requested request() {
        return fixture.request(BASE, ApprovalFixture.sampleObjects(), List.of());
    }

    private static Requested request(List<ApprovalObject> objects) {
        return fixture.request(BASE, objects, List.of());
    }

    private static ApprovalStatus status(Requested r) {
        return fixture.store().find(r.approvalId()).orElseThrow().status();
    }

    private static dev.scangate.lambdas.aws.approval.StubAwsEndpoint.TaskSuccess success(Requested r) {
        return fixture.aws().successes().stream().filter(s -> s.taskToken().equals(r.taskToken())).findFirst()
                .orElseThrow();
    }

    private static String csrf(Requested r) {
        Matcher m = CSRF.matcher(get(r.link().getRawPath(), r.rawQuery()).getBody());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static APIGatewayV2HTTPResponse get(String path, String query) {
        return call("GET", path, query, Map.of(), null);
    }

    private static APIGatewayV2HTTPResponse postForm(Requested r, String body) {
        return post(r.link().getRawPath() + "/decision", r.rawQuery(),
                Map.of("content-type", "application/x-www-form-urlencoded"), body);
    }

    private static APIGatewayV2HTTPResponse postJson(Requested r, String body) {
        return post(r.link().getRawPath() + "/decision", r.rawQuery(), Map.of("content-type", "application/json"), body);
    }

    private static APIGatewayV2HTTPResponse post(String path, String query, Map<String, String> headers, String body) {
        return call("POST", path, query, headers, body);
    }

    private static APIGatewayV2HTTPResponse call(String method, String path, String query, Map<String, String> headers,
                                                 String body) {
        return handler.handleRequest(event(method, path, query, headers, body), null);
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String query, Map<String, String> headers,
                                               String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(path)
                .withRawQueryString(query)
                .withHeaders(new HashMap<>(headers))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                        .build())
                .build();
    }
}
