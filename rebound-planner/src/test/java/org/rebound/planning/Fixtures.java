package org.rebound.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.rebound.model.Enterprise;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;

final class Fixtures {

    static final Instant START = Instant.parse("2025-09-01T06:00:00Z");
    static final SolveSettings QUICK = new SolveSettings(Duration.ofSeconds(2), 1, 1);

    private Fixtures() {
    }

    static Enterprise twoTeams() {
        return ((ModelLoad.Loaded) ModelReader.read(Path.of("src/test/resources/two-teams.yaml"))).enterprise();
    }

    static PlanningRequest atStart(Enterprise enterprise) {
        return PlanningRequest.atStart(enterprise, enterprise.scenarios().get(0));
    }

    /** Plans and checks the plan against the request with the independent checker. */
    static Plan planned(PlanningEngine engine, PlanningRequest request, SolveSettings settings) {
        PlanOutcome outcome = engine.plan(request, settings);
        assertThat(outcome).isInstanceOf(PlanOutcome.Planned.class);
        Plan plan = ((PlanOutcome.Planned) outcome).plan();
        assertThat(PlanChecker.check(request, plan)).as("violations of the " + engine.name() + " plan").isEmpty();
        return plan;
    }

    static PlannedActivity activity(Plan plan, String system, ActivityKind kind) {
        return plan.activities().stream().filter(activity -> activity.key().equals(new ActivityKey(system, kind)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind.id() + " of " + system + " in the plan"));
    }

    static Instant hours(double hours) {
        return START.plusSeconds(Math.round(hours * 3600));
    }
}
