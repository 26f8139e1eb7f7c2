package dev.scangate.infra;

import dev.scangate.infra.config.ConfigReader;
import dev.scangate.infra.config.LambdaJars;
import dev.scangate.infra.config.ScanGateConfig;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

import java.nio.file.Path;

/** The CDK app: {@code npx cdk synth|deploy} from the repository root runs this. */
public final class ScanGateApp {

    public static final String STACK_NAME = "ScanGate";

    private ScanGateApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app, LambdaJars.locate(Path.of("")));
        app.synth();
    }

    /** Reads the context, adds the stack and the cdk-nag checks; tests call this with their own App. */
    public static ScanGateStack build(App app, LambdaJars jars) {
        ScanGateConfig config = ConfigReader.read(key -> app.getNode().tryGetContext(key));
        ScanGateStack stack = new ScanGateStack(app, STACK_NAME, StackProps.builder()
                .description("ScanGate: keeps sensitive data out of the data lake (Step Functions + Amazon Macie)")
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .build(), config, jars);
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        return stack;
    }
}
