package dev.scangate.local.macie.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.scangate.local.macie.api.core.MacieError;
import dev.scangate.local.macie.api.core.MacieException;
import dev.scangate.local.macie.api.core.SessionService;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Macie2 rest-json wire protocol: routes a request to its operation and renders the answer,
 * or Macie's error ({@code x-amzn-ErrorType} header, {@code {"message"}} body). The one place errors
 * become HTTP.
 */
public final class MacieHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MacieHttpHandler.class);

    private final ObjectMapper mapper;
    private final SessionService session;
    private final List<Route> routes = new ArrayList<>();

    MacieHttpHandler(ObjectMapper mapper, SessionService session, List<Route> routes) {
        this.mapper = mapper;
        this.session = session;
        this.routes.addAll(routes);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        var requestId = UUID.randomUUID().toString();
        try (exchange) {
            byte[] body;
            int status;
            String errorType = null;
            try {
                body = mapper.writeValueAsBytes(dispatch(exchange));
                status = 200;
            } catch (MacieException e) {
                errorType = e.error().code();
                status = e.error().httpStatus();
                body = errorBody(e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("local Macie operation failed: {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), e);
                errorType = MacieError.INTERNAL_SERVER.code();
                status = MacieError.INTERNAL_SERVER.httpStatus();
                body = errorBody("Internal server error. Request id " + requestId + ".");
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/json");
            headers.set("x-amzn-RequestId", requestId);
            if (errorType != null) {
                headers.set("x-amzn-ErrorType", errorType);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private byte[] errorBody(String message) throws JsonProcessingException {
        return mapper.writeValueAsBytes(mapper.createObjectNode().put("message", message));
    }

    private JsonNode dispatch(HttpExchange exchange) throws IOException {
        var method = exchange.getRequestMethod();
        var path = exchange.getRequestURI().getRawPath();
        boolean pathKnown = false;
        for (var route : routes) {
            var matcher = route.path().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(method)) {
                continue;
            }
            var parameters = new LinkedHashMap<String, String>();
            for (int i = 0; i < route.names().size(); i++) {
                parameters.put(route.names().get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
            }
            var request = new Route.Request(parameters, query(exchange.getRequestURI().getRawQuery()),
                    body(exchange.getRequestBody().readAllBytes()));
            if (route.needsSession()) {
                session.requireEnabled();
            }
            return route.operation().handle(request);
        }
        if (pathKnown) {
            throw MacieException.validation("The operation " + method + " " + path + " is not supported.");
        }
        throw MacieException.notFound("No Macie operation is served at " + method + " " + path + ".");
    }

    private JsonNode body(byte[] bytes) {
        if (bytes.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            var node = mapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw MacieException.validation("The request body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw MacieException.validation("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw MacieException.validation("The request body can't be read: " + e.getMessage());
        }
    }

    private static Map<String, String> query(String raw) {
        var out = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (var pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }
}
