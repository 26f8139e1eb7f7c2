package dev.scangate.statemachine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is plain Java: AWS SDK types never reach it; the Lambda runtime API only in its lambda adapter. */
class ArchitectureTest {

    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.scangate.statemachine");

    @Test
    void engine_doesNotDependOnTheAwsSdk() {
        noClasses().that().resideInAPackage("dev.scangate.statemachine..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .check(classes);
    }

    @Test
    void lambdaRuntimeApi_isOnlyUsedByTheLambdaAdapter() {
        noClasses().that().resideOutsideOfPackage("dev.scangate.statemachine.engine.lambda..")
                .should().dependOnClassesThat().resideInAPackage("com.amazonaws..")
                .check(classes);
    }
}
