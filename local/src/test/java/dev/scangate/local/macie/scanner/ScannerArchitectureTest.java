package dev.scangate.local.macie.scanner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The scanner is the core of the local Macie: plain Java, no AWS SDK, no knowledge of the API on top. */
class ScannerArchitectureTest {

    private static final JavaClasses SCANNER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.scangate.local.macie.scanner");

    @Test
    void scanner_dependsOnNoAwsSdk() {
        noClasses().should().dependOnClassesThat().resideInAPackage("software.amazon..").check(SCANNER);
    }

    @Test
    void scanner_dependsOnNoOtherLocalPackage() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.scangate.local.macie.api..",
                "dev.scangate.local.edge..", "dev.scangate.local.runtime..", "dev.scangate.local.cli..").check(SCANNER);
    }

    @Test
    void detectors_doNotDependOnFormatsOrCli() {
        noClasses().that().resideInAPackage("..scanner.detect..").should().dependOnClassesThat()
                .resideInAnyPackage("..scanner.format..", "..scanner.cli..", "..scanner.bench..").check(SCANNER);
    }
}
