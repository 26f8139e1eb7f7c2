package dev.scangate.local.macie.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.api.core.Fields;
import dev.scangate.local.macie.api.core.Timestamps;
import dev.scangate.local.macie.api.core.identifier.CustomDataIdentifier;
import dev.scangate.local.macie.api.core.identifier.CustomDataIdentifierService;
import dev.scangate.local.macie.api.core.identifier.ManagedDataIdentifiers;
import java.util.List;

/** Custom data identifier CRUD, BatchGet, List, Test; and ListManagedDataIdentifiers. */
final class CustomDataIdentifierRoutes {

    private CustomDataIdentifierRoutes() {
    }

    static List<Route> routes(ObjectMapper mapper, CustomDataIdentifierService identifiers,
            ManagedDataIdentifiers managed) {
        return List.of(
                Route.of("POST", "/custom-data-identifiers", true, r -> mapper.createObjectNode()
                        .put("customDataIdentifierId", identifiers.create(r.body()))),
                Route.of("POST", "/custom-data-identifiers/get", true, r -> {
                    var result = identifiers.batchGet(Fields.strings(r.body(), "ids", "ids", Integer.MAX_VALUE));
                    var out = mapper.createObjectNode();
                    var found = out.putArray("customDataIdentifiers");
                    result.found().forEach(c -> found.addObject().put("arn", c.arn())
                            .put("createdAt", Timestamps.format(c.createdAt())).put("deleted", c.deleted())
                            .put("description", c.description()).put("id", c.id()).put("name", c.name()));
                    var missing = out.putArray("notFoundIdentifierIds");
                    result.notFound().forEach(missing::add);
                    return out;
                }),
                Route.of("POST", "/custom-data-identifiers/list", true, r -> {
                    var page = identifiers.list(Fields.integer(r.body(), "maxResults", "maxResults", 1, 500),
                            Fields.text(r.body(), "nextToken", "nextToken", false, 4096));
                    var out = mapper.createObjectNode();
                    var items = out.putArray("items");
                    page.items().forEach(c -> items.addObject().put("arn", c.arn())
                            .put("createdAt", Timestamps.format(c.createdAt())).put("description", c.description())
                            .put("id", c.id()).put("name", c.name()));
                    out.put("nextToken", page.nextToken());
                    return out;
                }),
                Route.of("POST", "/custom-data-identifiers/test", true, r -> mapper.createObjectNode()
                        .put("matchCount", identifiers.test(r.body()))),
                Route.of("GET", "/custom-data-identifiers/{id}", true, r -> view(mapper, identifiers.get(r.path("id")))),
                Route.of("DELETE", "/custom-data-identifiers/{id}", true, r -> {
                    identifiers.delete(r.path("id"));
                    return mapper.createObjectNode();
                }),
                Route.of("POST", "/managed-data-identifiers/list", true, r -> {
                    // Macie answers the whole catalogue in one page; a nextToken is accepted and ignored.
                    var out = mapper.createObjectNode();
                    var items = out.putArray("items");
                    managed.entries().forEach(e -> items.addObject().put("category", e.category()).put("id", e.id()));
                    out.putNull("nextToken");
                    return out;
                }));
    }

    private static ObjectNode view(ObjectMapper mapper, CustomDataIdentifier c) {
        var out = mapper.createObjectNode();
        out.put("arn", c.arn());
        out.put("createdAt", Timestamps.format(c.createdAt()));
        out.put("deleted", c.deleted());
        out.put("description", c.description());
        out.put("id", c.id());
        var ignore = out.putArray("ignoreWords");
        c.ignoreWords().forEach(ignore::add);
        var keywords = out.putArray("keywords");
        c.keywords().forEach(keywords::add);
        out.put("maximumMatchDistance", c.maximumMatchDistance());
        out.put("name", c.name());
        out.put("regex", c.regex());
        var levels = out.putArray("severityLevels");
        var effective = c.severityLevels().isEmpty()
                ? List.of(new dev.scangate.local.macie.scanner.ScanSettings.SeverityLevel(1, "MEDIUM"))
                : c.severityLevels();
        effective.forEach(l -> levels.addObject().put("occurrencesThreshold", l.occurrencesThreshold())
                .put("severity", l.severity()));
        var tags = out.putObject("tags");
        c.tags().forEach(tags::put);
        return out;
    }
}
