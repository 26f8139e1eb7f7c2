package dev.scangate.infra;

import dev.scangate.infra.config.LambdaJars;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.Map;

/** Synthesizes the real app (real jars, cdk-nag aspects) once per context. */
final class SynthFixture {

    static final Map<String, Object> SAMPLE_CONTEXT = Map.of(
            "scangate:approverEmail", "approver@example.com",
            "scangate:alarmEmail", "ops@example.com",
            "scangate:enableMacieSession", true,
            "scangate:configureMacieResults", true,
            "scangate:customDataIdentifiers", "[{\"name\":\"employee-id\",\"regex\":\"EMP-[0-9]{6}\",\"keywords\":[\"employee\"]}]",
            "scangate:allowLists", "[{\"name\":\"test-cards\",\"regex\":\"4111-1111-1111-1111\"}]");

    final App app;
    final ScanGateStack stack;
    final Template template;

    SynthFixture(Map<String, Object> context) {
        app = App.Builder.create().context(context).build();
        stack = ScanGateApp.build(app, LambdaJars.locate(Path.of("")));
        template = Template.fromStack(stack);
    }
}
