package org.rebound;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses rebound = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rebound");

    @Test
    void theDomainAndAlgorithmsNeverUseSpring() {
        noClasses().that().resideInAnyPackage("org.rebound.model", "org.rebound.model.io..", "org.rebound.model.generate..",
                        "org.rebound.model.demo..", "org.rebound.impact", "org.rebound.planning", "org.rebound.planning.psplib",
                        "org.rebound.incident", "org.rebound.intel", "org.rebound.intel.pattern")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(rebound);
    }

    @Test
    void onlyServeAndDemoStartSpring() {
        noClasses().that().resideInAPackage("org.rebound.cli..")
                .and().doNotHaveSimpleName("ServerLauncher")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.boot..", "org.rebound.server..")
                .check(rebound);
    }

    @Test
    void storesAreReachedThroughTheUseCasesNotFromControllers() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .check(rebound);
        noClasses().that().resideInAPackage("..web..").and().resideOutsideOfPackage("org.rebound.audit.web")
                .should().dependOnClassesThat().haveSimpleName("AuditLog")
                .check(rebound);
    }
}
