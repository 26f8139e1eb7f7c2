package dev.scangate.infra.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two deployable jars, found relative to the repository root whether the app runs from the
 * root (cdk.json) or from {@code pipeline-infra/} (Maven, IDE).
 */
public record LambdaJars(Path steps, Path approvalApi) {

    public static final String STEPS_JAR = "lambdas/target/scangate-lambdas-0.1.0-SNAPSHOT-lambda.jar";
    public static final String APPROVAL_API_JAR = "approval-api/target/scangate-approval-api-0.1.0-SNAPSHOT-lambda.jar";

    /** Finds the repository root from {@code start} upwards and checks both jars exist. */
    public static LambdaJars locate(Path start) {
        Path root = repositoryRoot(start);
        LambdaJars jars = new LambdaJars(root.resolve(STEPS_JAR), root.resolve(APPROVAL_API_JAR));
        List<String> missing = new ArrayList<>();
        for (Path jar : List.of(jars.steps, jars.approvalApi)) {
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Lambda jar(s) not built: " + missing
                    + ". Build them first from " + root + " with: mvn -B -DskipTests package");
        }
        return jars;
    }

    /** The nearest directory at or above {@code start} holding {@code pipeline-infra/pom.xml}. */
    public static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pipeline-infra/pom.xml")) && Files.isDirectory(dir.resolve("statemachine"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the ScanGate repository root (a directory with pipeline-infra/pom.xml) at or above "
                + start.toAbsolutePath());
    }
}
