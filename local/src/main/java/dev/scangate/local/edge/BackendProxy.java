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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Forwards a request to a backend HTTP server (s3mock, DynamoDBLocal) over a plain socket, so every
 * end-to-end header, {@code Host} included, reaches the backend byte for byte and SigV4-signed
 * requests stay valid. Bodies are streamed both ways; nothing is buffered whole.
 */
final class BackendProxy implements HttpHandler {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "expect", "content-length");
    private static final int BUFFER = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String service;
    private final InetSocketAddress backend;

    BackendProxy(String service, InetSocketAddress backend) {
        this.service = service;
        this.backend = backend;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(backend, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                EdgeErrors.send(exchange, EdgeError.SERVICE_UNAVAILABLE, service, backend + " refused the connection");
                return;
            }
            OutputStream toBackend = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
            writeRequest(exchange, toBackend);
            relayResponse(exchange, new BufferedInputStream(socket.getInputStream(), BUFFER));
        }
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
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        try (InputStream body = exchange.getRequestBody()) {
            if (chunked) {
                copyAsChunks(body, out);
            } else if (length != null) {
                body.transferTo(out);
            }
        }
        out.flush();
    }

    private void relayResponse(HttpExchange exchange, InputStream in) throws IOException {
        int status;
        List<String[]> headers;
        do {
            String statusLine = readLine(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                EdgeErrors.send(exchange, EdgeError.BAD_GATEWAY, service, "status line '" + statusLine + "'");
                return;
            }
            status = Integer.parseInt(parts[1]);
            headers = readHeaders(in);
        } while (status >= 100 && status < 200);

        long contentLength = -1;
        boolean chunked = false;
        for (String[] h : headers) {
            String name = h[0].toLowerCase(Locale.ROOT);
            if (name.equals("content-length")) {
                contentLength = Long.parseLong(h[1].trim());
            } else if (name.equals("transfer-encoding") && h[1].toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
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
            return;
        }
        try (OutputStream out = exchange.getResponseBody()) {
            if (chunked) {
                exchange.sendResponseHeaders(status, 0);
                copyFromChunks(in, out);
            } else if (contentLength >= 0) {
                exchange.sendResponseHeaders(status, contentLength == 0 ? -1 : contentLength);
                copyExactly(in, out, contentLength);
            } else {
                exchange.sendResponseHeaders(status, 0);
                in.transferTo(out);
            }
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
