package dev.scangate.local.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.scangate.local.http.JdkHttpServers;
import dev.scangate.local.net.PortInUseException;
import dev.scangate.local.net.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one endpoint every AWS client talks to locally. Each request goes to the service its SigV4
 * signature names: an in-process {@link HttpHandler} ({@link #register}) or a backend server on
 * another port ({@link #proxy}), so {@code AWS_ENDPOINT_URL} alone points any SDK or the AWS CLI
 * at the whole runtime.
 */
public final class EdgeServer {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);

    private final String host;
    private final int requestedPort;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    // kept apart from routes: a decorated route hides its proxy, whose connections still need closing
    private final Set<BackendProxy> proxies = ConcurrentHashMap.newKeySet();
    private HttpServer server;
    private ExecutorService executor;

    private EdgeServer(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.routes.putAll(builder.routes);
        builder.routes.values().stream().filter(BackendProxy.class::isInstance).map(BackendProxy.class::cast)
                .forEach(proxies::add);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Serves {@code signingName} (e.g. {@code macie2}, {@code states}) with an in-process handler. */
    public EdgeServer register(String signingName, HttpHandler handler) {
        routes.put(normalise(signingName), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Serves {@code signingName} by forwarding to a server on {@code 127.0.0.1:port}. */
    public EdgeServer proxy(String signingName, int port) {
        var proxy = new BackendProxy(normalise(signingName), new InetSocketAddress(Ports.LOOPBACK, port));
        proxies.add(proxy);
        return register(signingName, proxy);
    }

    /**
     * Puts {@code decorator} around whatever serves {@code signingName} now (a handler or a proxy),
     * for an extension that watches or holds a service's requests without replacing the service.
     */
    public EdgeServer decorate(String signingName, UnaryOperator<HttpHandler> decorator) {
        Objects.requireNonNull(decorator, "decorator");
        routes.compute(normalise(signingName), (name, current) -> {
            if (current == null) {
                throw new IllegalArgumentException("the edge does not serve '" + name + "', so there is nothing to decorate");
            }
            return Objects.requireNonNull(decorator.apply(current), "the decorated handler");
        });
        return this;
    }

    public synchronized EdgeServer start() {
        if (server != null) {
            return this;
        }
        try {
            server = JdkHttpServers.create(new InetSocketAddress(host, requestedPort), 128);
        } catch (BindException e) {
            throw new PortInUseException("edge endpoint", host, requestedPort, "choose another with --port");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the edge endpoint on " + host + ":" + requestedPort, e);
        }
        var threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            var t = new Thread(r, "scangate-edge-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", handler());
        server.start();
        LOG.info("edge endpoint listening on {}", endpoint());
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            proxies.forEach(BackendProxy::close);
            server = null;
        }
    }

    public synchronized int getPort() {
        if (server == null) {
            throw new IllegalStateException("the edge endpoint is not started");
        }
        return server.getAddress().getPort();
    }

    public URI endpoint() {
        return URI.create("http://" + host + ":" + getPort());
    }

    /** The routing handler itself, should another server want to host the edge. */
    public HttpHandler handler() {
        return this::route;
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            var service = SigningName.of(exchange.getRequestHeaders(), exchange.getRequestURI().getRawQuery());
            if (service.isEmpty()) {
                EdgeErrors.send(exchange, EdgeError.MISSING_SIGNATURE);
                return;
            }
            HttpHandler target = routes.get(service.get());
            if (target == null) {
                EdgeErrors.send(exchange, EdgeError.UNKNOWN_SERVICE, service.get(), String.join(", ", new TreeSet<>(routes.keySet())));
                return;
            }
            target.handle(exchange);
        } catch (RuntimeException e) {
            LOG.error("edge request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            if (exchange.getResponseCode() == -1) {
                EdgeErrors.send(exchange, EdgeError.INTERNAL_FAILURE, e.getClass().getSimpleName());
            }
        } catch (IOException e) {
            // the client went away or a service failed mid-response; the connection is closed, nothing else to tell
            LOG.warn("edge request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.toString());
        }
    }

    private static String normalise(String signingName) {
        return Objects.requireNonNull(signingName, "signingName").trim().toLowerCase(Locale.ROOT);
    }

    public static final class Builder {
        private String host = Ports.LOOPBACK;
        private int port = 4566;
        private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder register(String signingName, HttpHandler handler) {
            routes.put(normalise(signingName), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        public Builder proxy(String signingName, int port) {
            return register(signingName, new BackendProxy(normalise(signingName), new InetSocketAddress(Ports.LOOPBACK, port)));
        }

        public EdgeServer build() {
            return new EdgeServer(this);
        }
    }
}
