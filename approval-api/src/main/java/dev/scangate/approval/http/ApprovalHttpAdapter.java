package dev.scangate.approval.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.scangate.approval.web.ApiError;
import dev.scangate.approval.web.ApprovalApi;
import dev.scangate.approval.web.HttpResponse;
import dev.scangate.approval.web.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves the approval Lambda handler from a JDK {@code HttpServer}: turns an exchange into an API
 * Gateway HTTP API (2.0) event and the handler's response back into HTTP. The local web server
 * mounts it at {@code /approvals/} and {@code /health}.
 */
public final class ApprovalHttpAdapter implements HttpHandler {

    /** Beyond this, an oversized request is cut off rather than read to its end. */
    private static final long MAX_DISCARD_BYTES = 64L * 1024 * 1024;

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;

    private ApprovalHttpAdapter(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        this.handler = handler;
    }

    public static ApprovalHttpAdapter create(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        return new ApprovalHttpAdapter(handler);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAtMost(exchange.getRequestBody(), ApprovalApi.MAX_BODY_BYTES + 1);
            if (body.length > ApprovalApi.MAX_BODY_BYTES) {
                // Refused here, whole: a cut-off body could still parse as a smaller, different decision.
                // The rest is read and dropped so the client, still sending, gets the answer.
                discardAtMost(exchange.getRequestBody(), MAX_DISCARD_BYTES);
                send(exchange, Responses.error(ApiError.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + ApprovalApi.MAX_BODY_BYTES + " bytes.", false, null));
                return;
            }
            APIGatewayV2HTTPResponse response = handler.handleRequest(toEvent(exchange, body), null);
            send(exchange, new HttpResponse(response.getStatusCode(),
                    response.getHeaders() == null ? Map.of() : response.getHeaders(), response.getBody()));
        }
    }

    static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, byte[] body) {
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            // API Gateway joins repeated headers with commas and lower-cases names.
            headers.put(h.getKey().toLowerCase(Locale.ROOT), String.join(",", h.getValue()));
        }
        String path = exchange.getRequestURI().getRawPath();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString(exchange.getRequestURI().getRawQuery() == null ? ""
                        : exchange.getRequestURI().getRawQuery())
                .withHeaders(headers)
                .withBody(new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(exchange.getRequestMethod())
                                .withPath(path)
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(exchange.getRequestHeaders().getFirst("User-Agent"))
                                .build())
                        .build())
                .build();
    }

    private static void send(HttpExchange exchange, HttpResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || bytes.length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static void discardAtMost(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer)) > 0) {
            total += n;
        }
    }
}
