package dev.scangate.infra.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaJarsTest {

    private static Path repo(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("pipeline-infra"));
        Files.createDirectories(dir.resolve("statemachine"));
        Files.writeString(dir.resolve("pipeline-infra/pom.xml"), "<project/>");
        return dir;
    }

    @Test
    void locate_whenRunFromModuleDirectory_resolvesJarsAgainstTheRoot(@TempDir Path dir) throws Exception {
        Path root = repo(dir);
        for (String jar : new String[] {LambdaJars.STEPS_JAR, LambdaJars.APPROVAL_API_JAR}) {
            Files.createDirectories(root.resolve(jar).getParent());
            Files.writeString(root.resolve(jar), "jar");
        }

        LambdaJars fromModule = LambdaJars.locate(root.resolve("pipeline-infra"));
        LambdaJars fromRoot = LambdaJars.locate(root);

        assertThat(fromModule).isEqualTo(fromRoot);
        assertThat(fromModule.steps()).isEqualTo(root.toAbsolutePath().normalize().resolve(LambdaJars.STEPS_JAR));
    }

    @Test
    void locate_whenJarsNotBuilt_saysHowToBuildThem(@TempDir Path dir) throws Exception {
        Path root = repo(dir);

        assertThatThrownBy(() -> LambdaJars.locate(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scangate-lambdas-0.1.0-SNAPSHOT-lambda.jar")
                .hasMessageContaining("mvn -B -DskipTests package");
    }

    @Test
    void repositoryRoot_whenOutsideAnyCheckout_failsNamingTheStart(@TempDir Path dir) {
        assertThatThrownBy(() -> LambdaJars.repositoryRoot(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toString());
    }
}
