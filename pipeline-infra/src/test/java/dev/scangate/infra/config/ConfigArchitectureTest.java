package dev.scangate.infra.config;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ConfigArchitectureTest {

    @Test
    void configPackage_whenImported_dependsOnNoAwsOrCdkTypes() {
        noClasses().that().resideInAPackage("dev.scangate.infra.config..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "software.constructs..",
                        "io.github.cdklabs..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.scangate.infra.config"));
    }
}
