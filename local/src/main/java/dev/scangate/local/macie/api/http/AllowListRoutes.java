package dev.scangate.local.macie.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.api.core.MacieException;
import dev.scangate.local.macie.api.core.Timestamps;
import dev.scangate.local.macie.api.core.identifier.AllowList;
import dev.scangate.local.macie.api.core.identifier.AllowListService;
import java.util.List;

/** Allow list CRUD and List. */
final class AllowListRoutes {

    private AllowListRoutes() {
    }

    static List<Route> routes(ObjectMapper mapper, AllowListService allowLists) {
        return List.of(
                Route.of("POST", "/allow-lists", true, r -> {
                    var list = allowLists.create(r.body());
                    return mapper.createObjectNode().put("arn", list.arn()).put("id", list.id());
                }),
                Route.of("GET", "/allow-lists", true, r -> {
                    var page = allowLists.list(maxResults(r.query().get("maxResults")), r.query().get("nextToken"));
                    var out = mapper.createObjectNode();
                    var items = out.putArray("allowLists");
                    page.items().forEach(a -> items.addObject().put("arn", a.arn())
                            .put("createdAt", Timestamps.format(a.createdAt())).put("description", a.description())
                            .put("id", a.id()).put("name", a.name())
                            .put("updatedAt", Timestamps.format(a.updatedAt())));
                    out.put("nextToken", page.nextToken());
                    return out;
                }),
                Route.of("GET", "/allow-lists/{id}", true, r -> view(mapper, allowLists, allowLists.get(r.path("id")))),
                Route.of("PUT", "/allow-lists/{id}", true, r -> {
                    var list = allowLists.update(r.path("id"), r.body());
                    return mapper.createObjectNode().put("arn", list.arn()).put("id", list.id());
                }),
                Route.of("DELETE", "/allow-lists/{id}", true, r -> {
                    allowLists.delete(r.path("id"));
                    return mapper.createObjectNode();
                }));
    }

    private static Integer maxResults(String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 1000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw MacieException.validation("maxResults must be a whole number between 1 and 1000, got '" + value + "'");
        }
    }

    private static ObjectNode view(ObjectMapper mapper, AllowListService allowLists, AllowList a) {
        var out = mapper.createObjectNode();
        out.put("arn", a.arn());
        out.put("createdAt", Timestamps.format(a.createdAt()));
        var criteria = out.putObject("criteria");
        if (a.isWordList()) {
            criteria.putObject("s3WordsList").put("bucketName", a.bucketName()).put("objectKey", a.objectKey());
        } else {
            criteria.put("regex", a.regex());
        }
        out.put("description", a.description());
        out.put("id", a.id());
        out.put("name", a.name());
        var status = allowLists.status(a);
        out.putObject("status").put("code", status.code()).put("description", status.description());
        var tags = out.putObject("tags");
        a.tags().forEach(tags::put);
        out.put("updatedAt", Timestamps.format(a.updatedAt()));
        return out;
    }
}
