package dev.scangate.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runtime's plain parts stay plain: no AWS SDK, no HTTP server, no embedded backends. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scangate.local");
    }

    @Test
    void schedule_dependsOnNoSdkServerOrBackend() {
        noClasses().that().resideInAPackage("dev.scangate.local.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.sun.net.httpserver..", "com.adobe..")
                .check(classes);
    }

    @Test
    void embeddedBackends_areUsedOnlyByTheirAdapters() {
        noClasses().that().resideOutsideOfPackages("dev.scangate.local.s3..", "dev.scangate.local.dynamodb..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adobe.testing..", "software.amazon.dynamodb..", "org.eclipse.jetty..", "org.apache.catalina..")
                .check(classes);
    }

    @Test
    void standIns_speakTheWireProtocolsWithoutTheSdk() {
        noClasses().that().resideInAnyPackage("dev.scangate.local.sns..", "dev.scangate.local.events..", "dev.scangate.local.edge..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }
}
