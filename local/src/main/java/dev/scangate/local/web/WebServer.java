package dev.scangate.local.web;

import com.sun.net.httpserver.HttpServer;
import dev.scangate.approval.handler.ApprovalApiHandler;
import dev.scangate.approval.http.ApprovalHttpAdapter;
import dev.scangate.local.http.JdkHttpServers;
import dev.scangate.local.runtime.LocalRuntime;
import dev.scangate.local.runtime.RuntimeContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local web server on {@code 127.0.0.1:<web-port>}: the approval pages (the very handler API
 * Gateway invokes in AWS, behind a JDK HTTP server) and a small console of runs at {@code /}.
 * The runtime binds it first ({@link #bind}) and starts serving once the rest is up.
 */
public final class WebServer implements LocalRuntime.WebServerExtension {

    private HttpServer server;
    private ExecutorService executor;

    @Override
    public String name() {
        return "web server";
    }

    @Override
    public synchronized int bind(String host, int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("the web server is already bound to port " + getPort());
        }
        server = JdkHttpServers.create(new InetSocketAddress(host, port), 64);
        return getPort();
    }

    @Override
    public synchronized void start(RuntimeContext context) {
        if (server == null) {
            throw new IllegalStateException("the web server is started before it is bound");
        }
        var approvals = ApprovalHttpAdapter.create(new ApprovalApiHandler(context.stepEnvironment()));
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "scangate-web");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/approvals/", approvals);
        server.createContext("/health", approvals);
        server.createContext("/", new RunsConsole(context.edgeEndpoint(), getPort()));
        server.start();
    }

    public synchronized int getPort() {
        return server.getAddress().getPort();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            // also releases a port that was bound but never served (a start that failed half way)
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
