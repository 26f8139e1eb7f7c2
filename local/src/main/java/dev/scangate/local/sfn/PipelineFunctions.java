package dev.scangate.local.sfn;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scangate.lambdas.handler.ApplyDecisionHandler;
import dev.scangate.lambdas.handler.CheckScanHandler;
import dev.scangate.lambdas.handler.CollectFindingsHandler;
import dev.scangate.lambdas.handler.FailRunHandler;
import dev.scangate.lambdas.handler.PublishRunEventHandler;
import dev.scangate.lambdas.handler.RemindApproversHandler;
import dev.scangate.lambdas.handler.RequestApprovalHandler;
import dev.scangate.lambdas.handler.RouteObjectsHandler;
import dev.scangate.lambdas.handler.StageObjectsHandler;
import dev.scangate.lambdas.handler.StartScanHandler;
import dev.scangate.local.runtime.LocalResources;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The local function registry: each pipeline step's ARN mapped to the very handler class Lambda
 * runs, constructed from the step environment exactly as its no-arg constructor would from
 * {@code System.getenv()}.
 */
public final class PipelineFunctions {

    private static final Map<String, Function<Map<String, String>, RequestStreamHandler>> FACTORIES = factories();

    private PipelineFunctions() {
    }

    /** Function ARN to handler, one per entry of {@link LocalResources#STEPS}. */
    public static Map<String, RequestStreamHandler> handlers(Map<String, String> environment) {
        var handlers = new LinkedHashMap<String, RequestStreamHandler>();
        for (String step : LocalResources.STEPS) {
            var factory = FACTORIES.get(step);
            if (factory == null) {
                throw new IllegalStateException("no handler registered for pipeline step " + step);
            }
            handlers.put(LocalResources.functionArn(step), factory.apply(environment));
        }
        return handlers;
    }

    /**
     * The approval reminder, which no state machine step calls: the local scheduler runs it hourly
     * as the EventBridge rule does in AWS. Same handler class, same environment, no local branch.
     */
    public static RequestStreamHandler approvalReminder(Map<String, String> environment) {
        return new RemindApproversHandler(environment);
    }

    private static Map<String, Function<Map<String, String>, RequestStreamHandler>> factories() {
        var f = new LinkedHashMap<String, Function<Map<String, String>, RequestStreamHandler>>();
        f.put("StageObjects", StageObjectsHandler::new);
        f.put("StartScan", StartScanHandler::new);
        f.put("CheckScan", CheckScanHandler::new);
        f.put("CollectFindings", CollectFindingsHandler::new);
        f.put("RouteObjects", RouteObjectsHandler::new);
        f.put("RequestApproval", RequestApprovalHandler::new);
        f.put("ApplyDecision", ApplyDecisionHandler::new);
        f.put("PublishRunEvent", PublishRunEventHandler::new);
        f.put("FailRun", FailRunHandler::new);
        return Map.copyOf(f);
    }
}
