package dev.scangate.local.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.scangate.local.commands.CommandException;
import dev.scangate.local.commands.Console;
import dev.scangate.local.commands.aws.AwsCommands;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small console of runs: {@code GET /} lists runs, {@code GET /runs/<run>} shows one (status,
 * state path, per-object outcome) with replay and redrive buttons ({@code POST} only, same origin
 * only, so a prefetching browser or a link scanner never starts anything). It prints what the CLI
 * prints, through the same command classes, so there is one way a run is described.
 */
final class RunsConsole implements HttpHandler {

    private static final Pattern RUN_PATH = Pattern.compile("/runs/([A-Za-z0-9._-]{1,80})(/(replay|redrive))?");
    private static final Pattern RUN_ID_IN_TABLE = Pattern.compile("(?m)^([A-Za-z0-9._-]{1,80})(?=\\s{2})");

    private final URI edge;
    private final String origin;

    RunsConsole(URI edge, int webPort) {
        this.edge = edge;
        this.origin = "http://127.0.0.1:" + webPort;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/") && method.equals("GET")) {
                String text = capture(c -> c.runs().run(50));
                respond(exchange, 200, page("Runs", linkRuns(escape(text))));
                return;
            }
            Matcher m = RUN_PATH.matcher(path);
            if (!m.matches()) {
                respond(exchange, 404, page("Not found", "No such page. <a href=\"/\">All runs</a>"));
                return;
            }
            String run = m.group(1);
            String action = m.group(3);
            if (action == null && method.equals("GET")) {
                String text = capture(c -> c.show().run(run));
                respond(exchange, 200, page("Run " + escape(run), "<p><a href=\"/\">All runs</a></p><pre>" + escape(text)
                        + "</pre>" + button(run, "replay", "Replay (same input: resumes this run)")
                        + button(run, "redrive", "Redrive (from the failed step)")));
                return;
            }
            if (action != null && method.equals("POST")) {
                if (!sameOrigin(exchange)) {
                    respond(exchange, 403, page("Refused", "Replay and redrive are accepted only from this console."));
                    return;
                }
                String text = capture(c -> action.equals("replay") ? c.replay().run(run, false) : c.redrive().run(run, false));
                respond(exchange, 200, page(escape(action) + " " + escape(run), "<pre>" + escape(text)
                        + "</pre><p><a href=\"/runs/" + encode(run) + "\">Back to the run</a></p>"));
                return;
            }
            exchange.getResponseHeaders().set("Allow", action == null ? "GET" : "POST");
            respond(exchange, 405, page("Method not allowed", "Use the buttons on the run's page."));
        }
    }

    private String capture(Function<AwsCommands, Integer> command) {
        var buffer = new ByteArrayOutputStream();
        var out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (AwsCommands commands = AwsCommands.builder()
                .clients(dev.scangate.lambdas.aws.AwsClientFactory.forEndpoint(edge))
                .console(Console.create(out).withInteractive(false))
                .build()) {
            command.apply(commands);
        } catch (CommandException e) {
            out.println(e.getMessage());
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private boolean sameOrigin(HttpExchange exchange) {
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        String from = exchange.getRequestHeaders().getFirst("Origin");
        return (site == null || site.equals("same-origin")) && (from == null || from.equals(origin));
    }

    private static String linkRuns(String escapedTable) {
        Matcher m = RUN_ID_IN_TABLE.matcher(escapedTable);
        StringBuilder out = new StringBuilder("<pre>");
        while (m.find()) {
            String id = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(
                    id.equals("RUN") ? id : "<a href=\"/runs/" + encode(id) + "\">" + id + "</a>"));
        }
        m.appendTail(out);
        return out.append("</pre>").toString();
    }

    private static String button(String run, String action, String label) {
        return "<form method=\"post\" action=\"/runs/" + encode(run) + "/" + action + "\"><button>" + escape(label) + "</button></form>";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>ScanGate - " + title + "</title>"
                + "<style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em;overflow-x:auto}"
                + "form{display:inline-block;margin-right:1em}</style></head><body><h1>" + title + "</h1>" + body + "</body></html>";
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        headers.set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String encode(String s) {
        return URLEncoder.encode(URLDecoder.decode(s, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
