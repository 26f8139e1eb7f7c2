package dev.scangate.local.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.scangate.local.net.PortInUseException;
import dev.scangate.local.net.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK HTTP server on 127.0.0.1 serving one handler, for services that also run on their own port. */
public final class LoopbackHttpServer {

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static LoopbackHttpServer start(String name, int port, HttpHandler handler) {
        HttpServer server;
        try {
            server = JdkHttpServers.create(new InetSocketAddress(Ports.LOOPBACK, port), 64);
        } catch (BindException e) {
            throw new PortInUseException(name, Ports.LOOPBACK, port, "choose another port");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " on port " + port, e);
        }
        var threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            var t = new Thread(r, "scangate-" + name.replace(' ', '-') + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return new LoopbackHttpServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
