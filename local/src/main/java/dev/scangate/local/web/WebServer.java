package dev.scangate.local.web;

import com.sun.net.httpserver.HttpServer;
import dev.scangate.approval.handler.ApprovalApiHandler;
import dev.scangate.approval.http.ApprovalHttpAdapter;
import dev.scangate.local.http.JdkHttpServers;
import dev.scangate.local.runtime.LocalConfig;
import dev.scangate.local.runtime.LocalRuntime;
import dev.scangate.local.runtime.RuntimeContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local web server on {@code 127.0.0.1:<web-port>}: the approval pages (the very handler API
 * Gateway invokes in AWS, behind a JDK HTTP server) and a small console of runs at {@code /}.
 */
public final class WebServer implements LocalRuntime.WebServerExtension {

    private HttpServer server;
    private ExecutorService executor;

    @Override
    public String name() {
        return "web server";
    }

    @Override
    public void start(RuntimeContext context) {
        var approvals = ApprovalHttpAdapter.create(new ApprovalApiHandler(context.stepEnvironment()));
        try {
            JdkHttpServers.configure();
            server = HttpServer.create(new InetSocketAddress(LocalConfig.HOST, context.config().webPort()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the web server to " + LocalConfig.HOST + ":"
                    + context.config().webPort() + " (use --web-port)", e);
        }
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "scangate-web");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/approvals/", approvals);
        server.createContext("/health", approvals);
        server.createContext("/", new RunsConsole(context.edgeEndpoint(), context.config().webPort()));
        server.start();
    }

    public int getPort() {
        return server.getAddress().getPort();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
