package dev.scangate.local.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.scangate.local.net.PortInUseException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EdgeServerTest {

    private static final String SCOPE = "AKID/20260310/us-east-1/%s/aws4_request";

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer backend;
    private EdgeServer edge;

    @BeforeEach
    void setUp() throws IOException {
        // a backend that echoes what reached it: method, Host header, body
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host="
                    + exchange.getRequestHeaders().getFirst("Host") + " body=" + new String(body, StandardCharsets.UTF_8);
            byte[] out = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("X-Backend", "yes");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        backend.start();
        edge = EdgeServer.builder().port(0)
                .proxy("s3", backend.getAddress().getPort())
                .register("macie2", reply("macie"))
                .build().start();
    }

    @AfterEach
    void tearDown() {
        edge.stop();
        backend.stop(0);
    }

    @Test
    void route_whenSignedForRegisteredService_reachesItsHandler() throws Exception {
        var response = send(request("/jobs").header("Authorization", authorization("macie2")).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("macie");
    }

    @Test
    void route_whenSignedForProxiedService_forwardsHostHeaderAndBody() throws Exception {
        var response = send(request("/bucket/key?versionId=a%2Bb").header("Authorization", authorization("s3"))
                .PUT(HttpRequest.BodyPublishers.ofString("payload")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Backend")).contains("yes");
        assertThat(response.body()).isEqualTo("PUT /bucket/key?versionId=a%2Bb host=127.0.0.1:" + edge.getPort() + " body=payload");
    }

    @Test
    void decorate_whenServiceIsProxied_wrapsTheProxyAndStillForwards() throws Exception {
        edge.decorate("S3", next -> exchange -> {
            exchange.getResponseHeaders().set("X-Decorated", exchange.getRequestMethod());
            next.handle(exchange);
        });

        var response = send(request("/bucket/key").header("Authorization", authorization("s3")).GET());

        assertThat(response.headers().firstValue("X-Decorated")).contains("GET");
        assertThat(response.headers().firstValue("X-Backend")).contains("yes");
        assertThat(response.body()).startsWith("GET /bucket/key host=");
    }

    @Test
    void decorate_whenServiceIsNotServed_failsNamingIt() {
        assertThatThrownBy(() -> edge.decorate("states", next -> next))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'states'");
    }

    @Test
    void route_whenPresignedUrl_usesCredentialFromQuery() throws Exception {
        String credential = java.net.URLEncoder.encode(String.format(SCOPE, "s3"), StandardCharsets.UTF_8);
        var response = send(request("/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + credential).GET());
        assertThat(response.body()).startsWith("GET /bucket/key?");
    }

    @Test
    void route_whenManyRequestsInARow_reusesBackendConnections() throws Exception {
        var connections = new java.util.concurrent.atomic.AtomicInteger();
        backend.stop(0);
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var seen = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        backend.createContext("/", exchange -> {
            // the remote port identifies the TCP connection the edge used
            if (seen.add(String.valueOf(exchange.getRemoteAddress().getPort()))) {
                connections.incrementAndGet();
            }
            byte[] out = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        backend.start();
        edge.proxy("s3", backend.getAddress().getPort());
        for (int i = 0; i < 50; i++) {
            var response = send(request("/bucket/k" + i).header("Authorization", authorization("s3")).GET());
            assertThat(response.body()).isEqualTo("ok");
        }
        assertThat(connections.get()).isLessThan(5);
    }

    @Test
    void route_whenBodiesAreChunkedBothWays_relaysThemWhole() throws Exception {
        backend.stop(0);
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0); // chunked response
            for (int i = 0; i < 3; i++) {
                exchange.getResponseBody().write(body);
                exchange.getResponseBody().flush();
            }
            exchange.close();
        });
        backend.start();
        edge.proxy("s3", backend.getAddress().getPort());
        byte[] payload = "0123456789".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        // an input stream of unknown length makes the client send a chunked request
        var response = http.send(request("/bucket/key").header("Authorization", authorization("s3"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(payload))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(payload.length * 3);
        assertThat(java.util.Arrays.copyOfRange(response.body(), payload.length, payload.length * 2)).isEqualTo(payload);
    }

    @Test
    void route_whenSignatureVersion2PresignedUrl_goesToS3() throws Exception {
        var response = send(request("/bucket/key?AWSAccessKeyId=test&Signature=abc%3D&Expires=1").GET());
        assertThat(response.body()).startsWith("GET /bucket/key?AWSAccessKeyId=test");
    }

    @Test
    void route_whenServiceUnknown_answersAwsStyleErrorNamingIt() throws Exception {
        var response = send(request("/").header("Authorization", authorization("kinesis")).GET());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownServiceException");
        assertThat(response.body()).contains("does not serve service 'kinesis'").contains("macie2, s3");
    }

    @Test
    void route_whenUnsigned_saysItCannotTellTheService() throws Exception {
        var response = send(request("/").GET());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("not signed with AWS Signature Version 4");
    }

    @Test
    void route_whenBackendDown_answersServiceUnavailable() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        edge.proxy("dynamodb", closedPort);
        var response = send(request("/").header("Authorization", authorization("dynamodb")).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("local dynamodb service is not reachable");
    }

    @Test
    void start_whenPortTaken_failsNamingPortAndFlag() throws IOException {
        try (var taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            var second = EdgeServer.builder().port(taken.getLocalPort()).build();
            assertThatThrownBy(second::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--port");
        }
    }

    private static HttpHandler reply(String text) {
        return (HttpExchange exchange) -> {
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        };
    }

    private static String authorization(String service) {
        return "AWS4-HMAC-SHA256 Credential=" + String.format(SCOPE, service)
                + ", SignedHeaders=host;x-amz-date, Signature=abc";
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.getPort() + pathAndQuery));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
