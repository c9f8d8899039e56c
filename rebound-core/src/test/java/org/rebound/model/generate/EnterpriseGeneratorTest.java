package org.rebound.model.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.rebound.model.Enterprise;
import org.rebound.model.io.ModelValidator;

class EnterpriseGeneratorTest {

    @Property(tries = 30)
    void generatesAValidEnterpriseOfExactlyTheRequestedSize(@ForAll @IntRange(min = 10, max = 3000) int systems,
                                                           @ForAll long seed) {
        Enterprise enterprise = EnterpriseGenerator.generate(systems, seed);

        assertThat(enterprise.systems()).hasSize(systems);
        assertThat(ModelValidator.validate(enterprise)).filteredOn(problem -> problem.isError()).isEmpty();
        assertThat(enterprise.processes()).hasSize(Math.max(1, systems / 12));
        assertThat(enterprise.scenario("ransomware")).isPresent();
    }

    @Test
    void theSameSeedGivesTheSameEnterpriseAndAnotherSeedAnotherOne() {
        assertThat(EnterpriseGenerator.generate(2000, 7)).isEqualTo(EnterpriseGenerator.generate(2000, 7));
        assertThat(EnterpriseGenerator.generate(2000, 7)).isNotEqualTo(EnterpriseGenerator.generate(2000, 8));
    }

    @Test
    void spreadsALargeEnterpriseOverSitesWithLayeredDependencies() {
        Enterprise enterprise = EnterpriseGenerator.generate(10_000, 1);

        assertThat(enterprise.sites()).hasSizeGreaterThan(100);
        long withDependencies = enterprise.systems().stream().filter(system -> !system.dependsOn().isEmpty()).count();
        assertThat(withDependencies).as("all but the core network depend on something").isGreaterThanOrEqualTo(9_800);
        assertThat(enterprise.processes()).anyMatch(process -> !process.requires().kOf().isEmpty());
        assertThat(enterprise.processes()).anyMatch(process -> process.workaround() != null);
    }

    @Test
    void refusesSizesTooSmallForTheLayers() {
        assertThatIllegalArgumentException().isThrownBy(() -> EnterpriseGenerator.generate(9, 1))
                .withMessageContaining("at least 10 systems");
    }
}
