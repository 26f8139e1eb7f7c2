package dev.scangate.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The review pages over plain HTTP, as a mail client's link and a script would use them. */
public final class ReviewHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public record Response(int status, String body) { }

    public Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    /** POSTs {@code {"decisions": {...}, "approver": ...}} as JSON to the link's decision URL. */
    public Response decide(ApprovalLink link, Map<String, String> decisions, String approver) {
        var body = new LinkedHashMap<String, Object>();
        body.put("decisions", decisions);
        body.put("approver", approver);
        try {
            return send(HttpRequest.newBuilder(link.decisionUri())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
