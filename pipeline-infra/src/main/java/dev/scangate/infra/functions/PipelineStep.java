package dev.scangate.infra.functions;

import software.amazon.awscdk.Duration;

/** The nine step functions: handler, placeholder name in the ASL, size and time limit. */
public enum PipelineStep {
    STAGE_OBJECTS("StageObjects", 2048, Duration.minutes(15)),
    START_SCAN("StartScan", 512, Duration.minutes(1)),
    CHECK_SCAN("CheckScan", 512, Duration.minutes(1)),
    COLLECT_FINDINGS("CollectFindings", 2048, Duration.minutes(15)),
    ROUTE_OBJECTS("RouteObjects", 2048, Duration.minutes(15)),
    REQUEST_APPROVAL("RequestApproval", 1024, Duration.minutes(2)),
    APPLY_DECISION("ApplyDecision", 2048, Duration.minutes(15)),
    PUBLISH_RUN_EVENT("PublishRunEvent", 512, Duration.minutes(1)),
    FAIL_RUN("FailRun", 256, Duration.seconds(30));

    private final String stepName;
    private final int memoryMb;
    private final Duration timeout;

    PipelineStep(String stepName, int memoryMb, Duration timeout) {
        this.stepName = stepName;
        this.memoryMb = memoryMb;
        this.timeout = timeout;
    }

    public String stepName() {
        return stepName;
    }

    public String handler() {
        return "dev.scangate.lambdas.handler." + stepName + "Handler::handleRequest";
    }

    /** The ASL placeholder this step's function ARN fills. */
    public String placeholder() {
        return stepName + "FunctionArn";
    }

    public int memoryMb() {
        return memoryMb;
    }

    public Duration timeout() {
        return timeout;
    }
}
