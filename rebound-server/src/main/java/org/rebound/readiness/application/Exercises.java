package org.rebound.readiness.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rebound.impact.application.ImpactService;
import org.rebound.model.Coded;
import org.rebound.model.Enterprise;
import org.rebound.model.Scenario;
import org.rebound.obligations.IncidentFacts;
import org.rebound.obligations.application.IncidentObligations;
import org.rebound.readiness.ExerciseScenarios;
import org.rebound.readiness.Tabletop;

/**
 * Tabletop exercises on a copy of the imported model: a scenario of the model or one generated from
 * it, optionally against a variant in which one system recovers faster (what an offline backup of
 * Active Directory buys, say). Nothing is stored and the live incident is never touched; the duties
 * that would trigger come from the organisation profile, with the data of the exfiltrated systems.
 */
public final class Exercises {

    /** What to play: {@code scenario} is a scenario id of the model or {@code generate:KIND}. */
    public record Request(String scenario, @Nullable String fasterSystem, double speedUp, int samples) {
    }

    public record Played(Enterprise enterprise, Tabletop.Result result, Tabletop.@Nullable Comparison comparison) {
    }

    /** The exercise, or why it cannot be played. */
    public sealed interface Outcome {
        record Done(Played played) implements Outcome {
        }

        record Refused(List<String> reasons) implements Outcome {
        }
    }

    public static final String GENERATE = "generate:";

    private final ImpactService impact;
    private final IncidentObligations obligations;
    private final Clock clock;

    public Exercises(ImpactService impact, IncidentObligations obligations, Clock clock) {
        this.impact = impact;
        this.obligations = obligations;
        this.clock = clock;
    }

    /** The scenarios to choose from: the model's, then the kinds Rebound generates. */
    public List<String> choices() {
        List<String> choices = new ArrayList<>();
        impact.situation().ifPresent(situation -> situation.enterprise().scenarios().forEach(scenario -> choices.add(scenario.id())));
        for (ExerciseScenarios.Kind kind : ExerciseScenarios.Kind.values()) {
            choices.add(GENERATE + kind.id());
        }
        return choices;
    }

    public Outcome play(Request request) {
        Optional<Enterprise> model = impact.situation().map(situation -> situation.enterprise());
        if (model.isEmpty()) {
            return new Outcome.Refused(List.of("import a model first"));
        }
        Enterprise enterprise = model.get();
        Optional<Scenario> scenario = scenario(enterprise, request.scenario());
        if (scenario.isEmpty()) {
            return new Outcome.Refused(List.of("no scenario '" + request.scenario() + "' to play: choose one of " + String.join(", ", choices())));
        }
        if (request.samples() < 1 || request.samples() > 10_000 || request.speedUp() <= 0 || request.speedUp() >= 1) {
            return new Outcome.Refused(List.of("samples must be 1 to 10000 and speed_up between 0 and 1 (0.25: in a quarter of the time)"));
        }
        Tabletop.Options options = new Tabletop.Options(request.samples(), 1, 0.5, 10, facts(scenario.get()));
        Tabletop.Outcome<Tabletop.Result> played = Tabletop.run(enterprise, scenario.get(), options);
        if (played instanceof Tabletop.Outcome.Refused<Tabletop.Result> refused) {
            return new Outcome.Refused(refused.reasons());
        }
        Tabletop.Result result = ((Tabletop.Outcome.Played<Tabletop.Result>) played).result();
        Tabletop.Comparison comparison = null;
        if (request.fasterSystem() != null && !request.fasterSystem().isBlank()) {
            String system = request.fasterSystem().strip();
            if (enterprise.system(system).map(found -> found.recovery() == null).orElse(true)) {
                return new Outcome.Refused(List.of("no system '" + system + "' with recovery data to recover faster"));
            }
            Enterprise variant = Tabletop.withFasterRecovery(enterprise, system, request.speedUp());
            Tabletop.Outcome<Tabletop.Comparison> compared = Tabletop.compare("the model as it is", enterprise,
                    system + " recovered in " + Math.round(request.speedUp() * 100) + "% of the time", variant, scenario.get(), options);
            if (compared instanceof Tabletop.Outcome.Played<Tabletop.Comparison> done) {
                comparison = done.result();
            }
        }
        return new Outcome.Done(new Played(enterprise, result, comparison));
    }

    private Optional<Scenario> scenario(Enterprise enterprise, String choice) {
        if (choice.startsWith(GENERATE)) {
            return Coded.parse(ExerciseScenarios.Kind.class, choice.substring(GENERATE.length()))
                    .flatMap(kind -> ExerciseScenarios.generate(enterprise, kind, clock.instant().truncatedTo(ChronoUnit.HOURS)));
        }
        return enterprise.scenario(choice);
    }

    /** The organisation's standing from its profile; the exercise counts a significant incident, no people yet. */
    private @Nullable IncidentFacts facts(Scenario scenario) {
        return obligations.profile()
                .map(profile -> new IncidentFacts(scenario.start(), null, profile.entity(), IncidentFacts.PersonalData.none(), Map.of(),
                        true, null, Map.of()))
                .orElse(null);
    }
}
