package dev.scangate.local.macie.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.local.macie.api.core.finding.FindingService;
import java.util.List;

/** ListFindings, GetFindings, GetFindingStatistics. */
final class FindingRoutes {

    private FindingRoutes() {
    }

    static List<Route> routes(ObjectMapper mapper, FindingService findings) {
        return List.of(
                Route.of("POST", "/findings", true, r -> {
                    var page = findings.list(r.body());
                    var out = mapper.createObjectNode();
                    var ids = out.putArray("findingIds");
                    page.items().forEach(ids::add);
                    out.put("nextToken", page.nextToken());
                    return out;
                }),
                Route.of("POST", "/findings/describe", true, r -> {
                    var out = mapper.createObjectNode();
                    var array = out.putArray("findings");
                    findings.get(r.body()).forEach(array::add);
                    return out;
                }),
                Route.of("POST", "/findings/statistics", true, r -> {
                    var out = mapper.createObjectNode();
                    var groups = out.putArray("countsByGroup");
                    findings.statistics(r.body()).forEach(g -> groups.addObject()
                            .put("count", g.count()).put("groupKey", g.groupKey()));
                    return out;
                }));
    }
}
