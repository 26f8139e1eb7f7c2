package dev.scangate.lambdas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LayeringTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scangate.lambdas");
    }

    @Test
    void core_whenChecked_usesNoAwsSdkAndNoLambdaRuntime() {
        noClasses().that().resideInAPackage("dev.scangate.lambdas.core..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(classes);
    }

    @Test
    void core_whenChecked_knowsNoAdaptersOrHandlers() {
        noClasses().that().resideInAPackage("dev.scangate.lambdas.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scangate.lambdas.aws..", "dev.scangate.lambdas.handler..")
                .check(classes);
    }

    @Test
    void adapters_whenChecked_doNotUseHandlers() {
        noClasses().that().resideInAPackage("dev.scangate.lambdas.aws..")
                .should().dependOnClassesThat().resideInAPackage("dev.scangate.lambdas.handler..")
                .check(classes);
    }
}
