package dev.scangate.local.macie.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Macie operation: an HTTP method and a path template such as {@code /jobs/{jobId}}. */
record Route(String method, Pattern path, List<String> names, boolean needsSession, Operation operation) {

    /** A request with its path parameters, query parameters and JSON body ({} when empty). */
    record Request(Map<String, String> pathParameters, Map<String, String> query, JsonNode body) {

        String path(String name) {
            return pathParameters.get(name);
        }
    }

    @FunctionalInterface
    interface Operation {
        JsonNode handle(Request request);
    }

    static Route of(String method, String template, boolean needsSession, Operation operation) {
        var names = new java.util.ArrayList<String>();
        var regex = new StringBuilder("^");
        Matcher m = Pattern.compile("\\{([A-Za-z]+)}|([^{]+)").matcher(template);
        while (m.find()) {
            if (m.group(1) != null) {
                names.add(m.group(1));
                regex.append("([^/]+)");
            } else {
                regex.append(Pattern.quote(m.group(2)));
            }
        }
        regex.append("/?$");
        return new Route(method, Pattern.compile(regex.toString()), List.copyOf(names), needsSession, operation);
    }
}
