package dev.scangate.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.scangate.local.runtime.RuntimeContext;
import dev.scangate.local.runtime.RuntimeExtension;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Holds one S3 request on its way through the edge, so a test can stop the runtime at an exact
 * point of a move, e.g. the third delete of a source version: its copy is made and verified,
 * the source is not gone yet. The held request never reaches S3, nor does any later request the
 * gate matches: when the runtime stops, the held one ends unanswered, as if the process had died.
 */
public final class S3Gate implements RuntimeExtension {

    /** An S3 request as the edge sees it (path style, as the local clients send it). */
    public record S3Call(String method, String bucket, String key, String query) {

        static S3Call of(HttpExchange exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String[] parts = path.substring(1).split("/", 2);
            String key = parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            return new S3Call(exchange.getRequestMethod(), parts[0], key, query == null ? "" : query);
        }

        /** DeleteObject of one version, the last step of a move (copy → verify → delete); not DeleteObjectTagging. */
        public boolean isVersionDelete(String bucket, String keyPrefix) {
            var parameters = Arrays.stream(query.split("&")).map(p -> p.split("=", 2)[0]).toList();
            return method.equals("DELETE") && this.bucket.equals(bucket) && key.startsWith(keyPrefix)
                    && parameters.contains("versionId") && !parameters.contains("tagging");
        }
    }

    private final int holdAt;
    private final Predicate<S3Call> matches;
    private final AtomicInteger seen = new AtomicInteger();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile S3Call held;

    private S3Gate(int holdAt, Predicate<S3Call> matches) {
        this.holdAt = holdAt;
        this.matches = matches;
    }

    /** Lets the first {@code n - 1} matching requests through and holds the {@code n}th. */
    public static S3Gate holdingNth(int n, Predicate<S3Call> matches) {
        if (n < 1) {
            throw new IllegalArgumentException("n counts from 1, got " + n);
        }
        return new S3Gate(n, matches);
    }

    @Override
    public String name() {
        return "S3 gate (test)";
    }

    @Override
    public void start(RuntimeContext context) {
        context.edge().decorate("s3", this::gate);
    }

    private HttpHandler gate(HttpHandler next) {
        return exchange -> {
            S3Call call = S3Call.of(exchange);
            if (!matches.test(call)) {
                next.handle(exchange);
                return;
            }
            int n = seen.incrementAndGet();
            if (n < holdAt) {
                next.handle(exchange);
                return;
            }
            if (n == holdAt) {
                held = call;
                holding.countDown();
                try {
                    // until the runtime stops: the edge's shutdown interrupts this thread
                    never.await(Waits.DEFAULT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // unanswered: the edge closes the connection, and a retry is refused the same way
            throw new IOException("S3 gate: " + call.method() + " " + call.bucket() + "/" + call.key() + " not forwarded");
        };
    }

    /** Waits until the gate holds its request and returns it. */
    public S3Call awaitHeld() {
        try {
            if (!holding.await(Waits.DEFAULT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("no S3 request was held; " + seen.get() + " matching request(s) went through");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return held;
    }

    @Override
    public void stop() {
        // nothing to release: the held request must end unanswered, never be forwarded late
    }
}
