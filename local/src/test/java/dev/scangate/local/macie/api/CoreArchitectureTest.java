package dev.scangate.local.macie.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CoreArchitectureTest {

    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.scangate.local.macie");

    @Test
    void core_whenCompiled_dependsOnNoAwsSdkAndNoAdapter() {
        noClasses().that().resideInAPackage("dev.scangate.local.macie.api.core..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..",
                        "dev.scangate.local.macie.api.http..", "dev.scangate.local.macie.api.s3..",
                        "dev.scangate.local.macie.api.store..", "com.sun.net.httpserver..")
                .check(classes);
    }

    @Test
    void api_whenCompiled_usesOnlyTheScannerInterface() {
        var published = java.util.List.of("SensitiveDataScanner", "ScanSettings", "ScanResult").stream()
                .map(n -> "dev.scangate.local.macie.scanner." + n).toList();
        var internals = com.tngtech.archunit.base.DescribedPredicate.describe("scanner internals",
                (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName()
                        .startsWith("dev.scangate.local.macie.scanner")
                        && published.stream().noneMatch(p -> c.getName().equals(p) || c.getName().startsWith(p + "$")));
        noClasses().that().resideInAPackage("dev.scangate.local.macie.api..")
                .should().dependOnClassesThat(internals)
                .check(classes);
    }
}
