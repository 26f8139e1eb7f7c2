package dev.scangate.local.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * Forwards a request to a backend HTTP server (s3mock, DynamoDBLocal) over a plain socket, so every
 * end-to-end header, {@code Host} included, reaches the backend byte for byte and SigV4-signed
 * requests stay valid. Bodies are streamed both ways; nothing is buffered whole. Connections to
 * the backend are kept alive and reused, so a long run does not exhaust ephemeral ports.
 */
final class BackendProxy implements HttpHandler {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "expect", "content-length");
    private static final int BUFFER = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    /** Backends keep idle connections open far longer than this (Tomcat 20 s, Jetty 30 s). */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(4);
    private static final int MAX_IDLE_CONNECTIONS = 64;

    private final String service;
    private final InetSocketAddress backend;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    BackendProxy(String service, InetSocketAddress backend) {
        this.service = service;
        this.backend = backend;
    }

    /** A keep-alive connection to the backend; reusing them avoids a new TCP connection per request. */
    private record Connection(Socket socket, InputStream in, OutputStream out, long idleSince, boolean reused) {

        Connection reuse() {
            return new Connection(socket, in, out, 0, true);
        }

        Connection idleNow() {
            return new Connection(socket, in, out, System.nanoTime(), false);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private record ResponseHead(int status, List<String[]> headers) { }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean hasBody = (length != null && !length.trim().equals("0"))
                || (length == null && exchange.getRequestHeaders().getFirst("Transfer-Encoding") != null);
        Connection connection = borrow();
        ResponseHead head;
        try {
            if (connection == null) {
                connection = connect();
            }
            head = exchangeHead(exchange, connection);
        } catch (ConnectFailure e) {
            EdgeErrors.send(exchange, EdgeError.SERVICE_UNAVAILABLE, service, backend + " refused the connection");
            return;
        } catch (IOException e) {
            connection.close();
            // a kept-alive connection the backend had just closed: safe to repeat only if no body was consumed
            if (!connection.reused() || hasBody) {
                throw e;
            }
            try {
                connection = connect();
            } catch (ConnectFailure refused) {
                EdgeErrors.send(exchange, EdgeError.SERVICE_UNAVAILABLE, service, backend + " refused the connection");
                return;
            }
            head = exchangeHead(exchange, connection);
        }
        if (head == null) {
            connection.close();
            return;
        }
        boolean reusable;
        try {
            reusable = relayBody(exchange, connection.in(), head);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
        if (reusable) {
            release(connection);
        } else {
            connection.close();
        }
    }

    /** Stops reusing connections and closes the idle ones. */
    void close() {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            c.close();
        }
    }

    private Connection borrow() {
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (System.nanoTime() - c.idleSince() < MAX_IDLE_NANOS && !c.socket().isClosed()) {
                return c.reuse();
            }
            c.close();
        }
        return null;
    }

    private void release(Connection connection) {
        if (idle.size() < MAX_IDLE_CONNECTIONS) {
            idle.addFirst(connection.idleNow());
        } else {
            connection.close();
        }
    }

    private Connection connect() throws IOException {
        var socket = new Socket();
        try {
            socket.connect(backend, CONNECT_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw new ConnectFailure(e);
        }
        return new Connection(socket, new BufferedInputStream(socket.getInputStream(), BUFFER),
                new BufferedOutputStream(socket.getOutputStream(), BUFFER), 0, false);
    }

    /** Sends the request and reads the response head; null when the backend answered nonsense (already reported). */
    private ResponseHead exchangeHead(HttpExchange exchange, Connection connection) throws IOException {
        writeRequest(exchange, connection.out());
        int status;
        List<String[]> headers;
        do {
            String statusLine = readLine(connection.in());
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
                EdgeErrors.send(exchange, EdgeError.BAD_GATEWAY, service, "status line '" + statusLine + "'");
                return null;
            }
            status = Integer.parseInt(parts[1]);
            headers = readHeaders(connection.in());
        } while (status >= 100 && status < 200);
        return new ResponseHead(status, headers);
    }

    private static void writeRequest(HttpExchange exchange, OutputStream out) throws IOException {
        var head = new StringBuilder();
        head.append(exchange.getRequestMethod()).append(' ').append(exchange.getRequestURI().toString())
                .append(" HTTP/1.1\r\n");
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
            }
        });
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        String transferEncoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
        boolean chunked = length == null && transferEncoding != null;
        if (length != null) {
            head.append("Content-Length: ").append(length.trim()).append("\r\n");
        } else if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        InputStream body = exchange.getRequestBody();
        if (chunked) {
            copyAsChunks(body, out);
        } else if (length != null) {
            body.transferTo(out);
        }
        out.flush();
    }

    /** Relays the response body; true when the connection may carry another request. */
    private static boolean relayBody(HttpExchange exchange, InputStream in, ResponseHead head) throws IOException {
        int status = head.status();
        long contentLength = -1;
        boolean chunked = false;
        boolean keepAlive = true;
        for (String[] h : head.headers()) {
            String name = h[0].toLowerCase(Locale.ROOT);
            if (name.equals("content-length")) {
                contentLength = Long.parseLong(h[1].trim());
            } else if (name.equals("transfer-encoding") && h[1].toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (name.equals("connection") && h[1].toLowerCase(Locale.ROOT).contains("close")) {
                keepAlive = false;
            }
            if (!HOP_BY_HOP.contains(name)) {
                exchange.getResponseHeaders().add(h[0], h[1]);
            }
        }
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304;
        if (noBody) {
            if (contentLength >= 0 && status != 204) {
                // HEAD answers describe the object: the SDK reads its size from this header
                exchange.getResponseHeaders().set("Content-Length", Long.toString(contentLength));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.getResponseBody().close();
            return keepAlive;
        }
        try (OutputStream out = exchange.getResponseBody()) {
            if (chunked) {
                exchange.sendResponseHeaders(status, 0);
                copyFromChunks(in, out);
                return keepAlive;
            }
            if (contentLength >= 0) {
                exchange.sendResponseHeaders(status, contentLength == 0 ? -1 : contentLength);
                copyExactly(in, out, contentLength);
                return keepAlive;
            }
            exchange.sendResponseHeaders(status, 0);
            in.transferTo(out);
            return false;
        }
    }

    /** The backend could not be reached at all (as opposed to failing mid-exchange). */
    private static final class ConnectFailure extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectFailure(IOException cause) {
            super(cause);
        }
    }

    private static List<String[]> readHeaders(InputStream in) throws IOException {
        var headers = new ArrayList<String[]>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
            }
        }
        return headers;
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("backend closed the connection before answering");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long remaining = length;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("backend closed the connection " + remaining + " bytes short of the announced length");
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
    }

    private static void copyFromChunks(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                readHeaders(in); // trailers
                return;
            }
            copyExactly(in, out, size);
            readLine(in);
        }
    }

    private static void copyAsChunks(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(buffer, 0, n);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
}
