package dev.scangate.approval.web;

import java.util.Map;

/** Status, headers and a text body (HTML or JSON). */
public record HttpResponse(int status, Map<String, String> headers, String body) {

    public HttpResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
