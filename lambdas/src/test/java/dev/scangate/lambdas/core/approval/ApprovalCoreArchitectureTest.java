package dev.scangate.lambdas.core.approval;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ApprovalCoreArchitectureTest {

    @Test
    void core_neverDependsOnAwsSdkOrLambdaRuntime() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scangate.lambdas.core.approval");

        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .because("the approval core is plain Java; AWS lives in adapters")
                .check(classes);
    }
}
