package dev.scangate.approval.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds every response, so every response carries the same security headers. */
public final class Responses {

    static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    public static HttpResponse html(int status, String body) {
        return new HttpResponse(status, headers("text/html; charset=utf-8"), body);
    }

    public static HttpResponse json(int status, Object body) {
        try {
            return new HttpResponse(status, headers("application/json"), JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON response", e);
        }
    }

    public static HttpResponse error(ApiError error, String message, boolean asJson, String backLink) {
        if (asJson) {
            ObjectNode body = JSON.createObjectNode().put("error", error.name()).put("message", message);
            return json(error.status(), body);
        }
        return html(error.status(), Pages.error(error.title(), message, backLink));
    }

    public static HttpResponse withHeader(HttpResponse response, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put(name, value);
        return new HttpResponse(response.status(), headers, response.body());
    }

    static Map<String, String> headers(String contentType) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        h.put("Cache-Control", "no-store");
        h.put("Pragma", "no-cache");
        h.put("Content-Security-Policy", "default-src 'none'; style-src '" + Pages.STYLE_HASH + "'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Strict-Transport-Security", "max-age=31536000");
        return h;
    }
}
