package dev.scangate.local.macie.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.local.macie.api.core.SessionService;
import dev.scangate.local.macie.api.core.Timestamps;
import java.util.List;

/** EnableMacie, GetMacieSession, UpdateMacieSession, DisableMacie. */
final class SessionRoutes {

    private SessionRoutes() {
    }

    static List<Route> routes(ObjectMapper mapper, SessionService session) {
        return List.of(
                Route.of("POST", "/macie", false, r -> {
                    session.enable(r.body().path("status").asText(null),
                            r.body().path("findingPublishingFrequency").asText(null));
                    return mapper.createObjectNode();
                }),
                Route.of("GET", "/macie", false, r -> {
                    var s = session.get();
                    var out = mapper.createObjectNode();
                    out.put("createdAt", Timestamps.format(s.createdAt()));
                    out.put("findingPublishingFrequency", s.findingPublishingFrequency());
                    out.put("serviceRole", "arn:aws:iam::000000000000:role/aws-service-role/macie.amazonaws.com/"
                            + "AWSServiceRoleForAmazonMacie");
                    out.put("status", s.status());
                    out.put("updatedAt", Timestamps.format(s.updatedAt()));
                    return out;
                }),
                Route.of("PATCH", "/macie", false, r -> {
                    session.update(r.body().path("status").asText(null),
                            r.body().path("findingPublishingFrequency").asText(null));
                    return mapper.createObjectNode();
                }),
                Route.of("DELETE", "/macie", false, r -> {
                    session.disable();
                    return mapper.createObjectNode();
                }));
    }
}
