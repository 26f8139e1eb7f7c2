package dev.scangate.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers the in-process services share for reading requests and writing responses. */
public final class Exchanges {

    /** Bigger than any SNS or EventBridge request (EventBridge caps PutEvents at 256 KiB). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private Exchanges() {
    }

    /** The request body, or {@link BodyTooLargeException} past {@code maxBytes}. */
    public static byte[] body(HttpExchange exchange, int maxBytes) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw new BodyTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** {@code application/x-www-form-urlencoded} pairs, query string first, then the body. */
    public static Map<String, String> form(String rawQuery, String body) {
        var params = new LinkedHashMap<String, String>();
        addPairs(params, rawQuery);
        addPairs(params, body);
        return params;
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.getResponseBody().close();
    }

    private static void addPairs(Map<String, String> params, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
    }

    /** A request body over the service's limit. */
    public static final class BodyTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BodyTooLargeException(int maxBytes) {
            super("request body is larger than " + maxBytes + " bytes");
        }
    }
}
