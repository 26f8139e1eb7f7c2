package dev.scangate.local.macie.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.local.macie.api.core.SessionService;
import dev.scangate.local.macie.api.core.finding.FindingService;
import dev.scangate.local.macie.api.core.identifier.AllowListService;
import dev.scangate.local.macie.api.core.identifier.CustomDataIdentifierService;
import dev.scangate.local.macie.api.core.identifier.ManagedDataIdentifiers;
import dev.scangate.local.macie.api.core.job.JobService;
import java.util.ArrayList;

/** Assembles the wire handler from the use cases. */
public final class MacieRoutes {

    private MacieRoutes() {
    }

    public static MacieHttpHandler handler(ObjectMapper mapper, SessionService session, JobService jobs,
            FindingService findings, CustomDataIdentifierService identifiers, ManagedDataIdentifiers managed,
            AllowListService allowLists) {
        var routes = new ArrayList<Route>();
        routes.addAll(SessionRoutes.routes(mapper, session));
        routes.addAll(JobRoutes.routes(mapper, jobs));
        routes.addAll(FindingRoutes.routes(mapper, findings));
        routes.addAll(CustomDataIdentifierRoutes.routes(mapper, identifiers, managed));
        routes.addAll(AllowListRoutes.routes(mapper, allowLists));
        return new MacieHttpHandler(mapper, session, routes);
    }
}
