package dev.scangate.local.commands;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The commands' logic works on ports; only the {@code aws} adapters see the AWS SDK. */
class CommandsArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.scangate.local.commands", "dev.scangate.local.samples");

    @Test
    void core_whenImported_doesNotUseTheAwsSdk() {
        noClasses()
                .that().resideInAnyPackage("dev.scangate.local.commands", "dev.scangate.local.commands.port",
                        "dev.scangate.local.commands.progress", "dev.scangate.local.commands.report",
                        "dev.scangate.local.commands.text", "dev.scangate.local.samples")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
                .because("command logic must run against any port implementation, not only the AWS SDK")
                .check(CLASSES);
    }

    @Test
    void core_whenImported_doesNotReachIntoAdapters() {
        noClasses()
                .that().resideInAPackage("dev.scangate.local.commands..")
                .and().resideOutsideOfPackage("dev.scangate.local.commands.aws")
                .should().dependOnClassesThat().resideInAPackage("dev.scangate.local.commands.aws")
                .because("adapters depend on the core, never the other way round")
                .check(CLASSES);
    }

    @Test
    void adapters_whenImported_doUseTheSdk() {
        // Guards the rules above against a wrong package name: the adapters must be seen using the SDK.
        org.assertj.core.api.Assertions.assertThat(CLASSES.get("dev.scangate.local.commands.aws.SfnExecutions")
                .getDirectDependenciesFromSelf())
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("software.amazon"));
    }
}
