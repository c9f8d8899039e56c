package org.rebound.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.rebound.model.Enterprise;
import org.rebound.model.demo.DemoEnterprise;
import org.rebound.model.generate.EnterpriseGenerator;

class ModelWriterTest {

    @Test
    void theDemoEnterpriseSurvivesExportAndReimportUnchanged() {
        Enterprise demo = DemoEnterprise.load();

        assertThat(reread(demo)).isEqualTo(demo);
    }

    @Test
    void threePointEstimatesOptionalFieldsAndFractionalMoneySurviveExport() {
        Enterprise small = ((ModelLoad.Loaded) ModelReader.read(Path.of("src/test/resources/models/small-plant.yaml"))).enterprise();
        Enterprise json = ((ModelLoad.Loaded) ModelReader.read(Path.of("src/test/resources/models/small-plant.json"))).enterprise();

        assertThat(reread(small)).isEqualTo(small);
        assertThat(reread(json)).isEqualTo(json);
    }

    @Test
    void writesDurationsInTheModelNotationAndWholeAmountsAsIntegers() {
        String yaml = ModelWriter.toYaml(DemoEnterprise.load());

        assertThat(yaml).contains("recovery: {triage: 12h, restore: 1d, validate: 12h, crew: 2}");
        assertThat(yaml).contains("shift: {start: '07:00', hours: 12, zone: Europe/London}");
        assertThat(yaml).contains("cost_per_hour: 210000\n");
        assertThat(yaml).contains("workaround: {capacity: 0.25, lead_time: 2d, cost_per_hour: 9000}");
    }

    @Property(tries = 40)
    void everyGeneratedEnterpriseSurvivesExportAndReimport(@ForAll @IntRange(min = 10, max = 600) int systems,
                                                           @ForAll long seed) {
        Enterprise generated = EnterpriseGenerator.generate(systems, seed);

        assertThat(reread(generated)).isEqualTo(generated);
    }

    private static Enterprise reread(Enterprise enterprise) {
        ModelLoad load = ModelReader.read("export.yaml", ModelWriter.toYaml(enterprise));
        assertThat(load.problems()).filteredOn(ModelProblem::isError).isEmpty();
        return ((ModelLoad.Loaded) load).enterprise();
    }
}
