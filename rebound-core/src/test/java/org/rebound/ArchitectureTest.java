package org.rebound;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rebound");

    @Test
    void theDomainAndAlgorithmsNeverUseSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(core);
    }

    @Test
    void theModelKnowsNothingOfTheCapabilitiesBuiltOnIt() {
        noClasses().that().resideInAPackage("org.rebound.model..")
                .should().dependOnClassesThat().resideInAPackage("org.rebound.impact..")
                .check(core);
    }
}
