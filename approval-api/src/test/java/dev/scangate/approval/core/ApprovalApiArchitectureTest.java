package dev.scangate.approval.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ApprovalApiArchitectureTest {

    private static final com.tngtech.archunit.core.domain.JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.scangate.approval");

    @Test
    void coreAndWeb_neverDependOnAwsSdkOrLambdaRuntime() {
        noClasses().that().resideInAnyPackage("dev.scangate.approval.core..", "dev.scangate.approval.web..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .because("decisions and pages are plain Java; AWS and Lambda live in aws and handler")
                .check(CLASSES);
    }

    @Test
    void core_neverDependsOnWebOrHandler() {
        noClasses().that().resideInAPackage("dev.scangate.approval.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scangate.approval.web..",
                        "dev.scangate.approval.handler..", "dev.scangate.approval.http..", "dev.scangate.approval.aws..")
                .check(CLASSES);
    }
}
