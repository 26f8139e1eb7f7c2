package dev.scangate.approval.web;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A request as the approval API sees it, whichever server delivered it. Header names are lower case. */
public record HttpRequest(String method, String path, String rawQuery, Map<String, String> headers, String body) {

    public HttpRequest {
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        path = path == null ? "/" : path;
        rawQuery = rawQuery == null ? "" : rawQuery;
        Map<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        }
        headers = Map.copyOf(lower);
        body = body == null ? "" : body;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The media type without parameters, lower case; empty when absent. */
    public String mediaType() {
        String type = header("content-type");
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
