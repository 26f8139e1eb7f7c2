package dev.scangate.local.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The edge endpoint's accepted connections must have Nagle's algorithm off: the JDK server writes
 * response headers and body separately, so with Nagle on every response with a body waited for
 * the client's delayed ACK (~40 ms per GetObject/CopyObject). The JDK reads its switch once per
 * JVM, when the first server is created, so the check runs in a fresh JVM where the edge is that
 * first server, as in {@code scangate}.
 */
class EdgeNoDelayTest {

    @Test
    void start_whenFirstServerOfTheJvm_acceptsConnectionsWithNagleOff() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java,
                "--add-opens", "jdk.httpserver/sun.net.httpserver=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(output).contains("TCP_NODELAY=true");
    }

    /** Runs in the child JVM: an edge whose handler reports the option on the connection it was reached by. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            var edge = EdgeServer.builder().port(0).register("s3", Probe::reportNoDelay).build().start();
            try {
                var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(edge.endpoint() + "/bucket/key"))
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260310/us-east-1/s3/aws4_request, "
                                + "SignedHeaders=host;x-amz-date, Signature=abc").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println(response.body());
            } finally {
                edge.stop();
            }
        }

        private static void reportNoDelay(HttpExchange exchange) throws IOException {
            String answer;
            try {
                answer = "TCP_NODELAY=" + channelOf(exchange).getOption(StandardSocketOptions.TCP_NODELAY);
            } catch (ReflectiveOperationException | RuntimeException e) {
                answer = "cannot inspect the connection: " + e;
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        }

        /** HttpExchangeImpl.impl (ExchangeImpl) → getConnection() (HttpConnection) → getChannel(). */
        private static SocketChannel channelOf(HttpExchange exchange) throws ReflectiveOperationException {
            Field impl = exchange.getClass().getDeclaredField("impl");
            impl.setAccessible(true);
            Object exchangeImpl = impl.get(exchange);
            Method getConnection = exchangeImpl.getClass().getDeclaredMethod("getConnection");
            getConnection.setAccessible(true);
            Object connection = getConnection.invoke(exchangeImpl);
            Method getChannel = connection.getClass().getDeclaredMethod("getChannel");
            getChannel.setAccessible(true);
            return (SocketChannel) getChannel.invoke(connection);
        }
    }
}
