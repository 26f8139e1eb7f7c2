package dev.scangate.local.sfn;

import dev.scangate.local.runtime.LocalResources;
import dev.scangate.local.runtime.RuntimeContext;
import dev.scangate.local.runtime.RuntimeExtension;
import dev.scangate.statemachine.definition.PipelineDefinition;
import dev.scangate.statemachine.engine.Engine;
import dev.scangate.statemachine.engine.integration.Integrations;
import dev.scangate.statemachine.engine.lambda.LambdaIntegration;
import dev.scangate.statemachine.engine.lambda.StreamHandlerInvoker;

/**
 * Runs the ASL engine durably under the data directory, serves it on the edge as {@code states},
 * registers the pipeline handlers by function ARN and creates (or updates) the pipeline state
 * machine from the one definition file with local substitutions.
 */
public final class LocalStepFunctionsExtension implements RuntimeExtension {

    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/scangate-pipeline";

    private Engine engine;

    @Override
    public String name() {
        return "local Step Functions";
    }

    @Override
    public void start(RuntimeContext context) {
        var invoker = StreamHandlerInvoker.builder();
        PipelineFunctions.handlers(context.stepEnvironment()).forEach(invoker::register);
        var integrations = Integrations.builder();
        LambdaIntegration.of(invoker.build()).registerOn(integrations);
        ServiceIntegrations.registerOn(integrations, context.clients().sns(), context.clients().eventBridge());
        engine = Engine.builder()
                .dataDirectory(context.dataDirectory().stepFunctions())
                .integrations(integrations.build())
                .build()
                .start();
        context.edge().register("states", StepFunctionsServer.builder().engine(engine).build().handler());
        provisionPipeline(context);
    }

    /** The engine, for the scheduler and the console. */
    public Engine engine() {
        return engine;
    }

    private void provisionPipeline(RuntimeContext context) {
        String definition = PipelineDefinition.load().substitute(context.definitionSubstitutions());
        boolean exists = engine.listStateMachines().stream()
                .anyMatch(sm -> sm.arn().equals(LocalResources.STATE_MACHINE_ARN));
        if (exists) {
            // A restart after an upgrade runs the current definition; waiting executions keep theirs.
            engine.updateStateMachine(LocalResources.STATE_MACHINE_ARN, definition, ROLE_ARN);
        } else {
            engine.createStateMachine(LocalResources.STATE_MACHINE_NAME, definition, ROLE_ARN, "STANDARD");
        }
    }

    @Override
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }
}
