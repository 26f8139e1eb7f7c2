package dev.scangate.approval.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.scangate.approval.testing.ApprovalFixture;
import dev.scangate.approval.testing.ApprovalFixture.Requested;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ApprovalLogsTest {

    @Test
    void logs_throughRequestDecideAndExpiry_neverContainTokenOrSignature() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (ApprovalFixture fixture = ApprovalFixture.start()) {
            ApprovalApiHandler handler = new ApprovalApiHandler(fixture.environment());
            Requested decided = fixture.request("https://x.example", ApprovalFixture.sampleObjects(), List.of());
            Requested timedOut = fixture.request("https://x.example", ApprovalFixture.sampleObjects(), List.of());
            fixture.aws().timeOut(timedOut.taskToken());
            String json = "{\"decisions\":{\"customers/2026/export.csv\":\"APPROVE\",\"scans/contract.pdf\":\"DENY\"},"
                    + "\"approver\":\"ann@example.com\"}";

            int first = post(handler, decided, json);
            int replay = post(handler, decided, json);
            int late = post(handler, timedOut, json);

            assertThat(List.of(first, replay, late)).containsExactly(200, 409, 410);
            String all = logs.list.stream()
                    .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                            : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                    .collect(Collectors.joining("\n"));
            assertThat(all).contains(decided.approvalId());
            for (Requested r : List.of(decided, timedOut)) {
                String sig = r.rawQuery().replaceAll(".*sig=", "");
                assertThat(all).doesNotContain(r.taskToken()).doesNotContain(sig);
            }
        } finally {
            root.detachAppender(logs);
        }
    }

    private static int post(ApprovalApiHandler handler, Requested r, String json) {
        String path = r.link().getRawPath() + "/decision";
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withRawQueryString(r.rawQuery())
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(json)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath(path).build())
                        .build())
                .build(), null).getStatusCode();
    }
}
