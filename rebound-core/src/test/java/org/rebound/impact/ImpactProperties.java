package org.rebound.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.rebound.model.Enterprise;
import org.rebound.model.SystemState;
import org.rebound.model.generate.EnterpriseGenerator;

class ImpactProperties {

    private static final SystemState[] STATES = SystemState.values();

    @Property(tries = 300)
    void takingASystemDownNeverMakesAnySystemOrProcessMoreAvailable(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int systems, @ForAll @IntRange(min = 1, max = 10) int processes) {
        ImpactModel model = ImpactModel.of(Fixtures.randomEnterprise(seed, systems, processes));
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, SystemState> states = randomStates(random, systems);
        Availability before = Availability.compute(model, states);

        String victim = "s" + random.nextInt(systems);
        states.put(victim, random.nextBoolean() ? SystemState.COMPROMISED : SystemState.ISOLATED);
        Availability after = Availability.compute(model, states);

        assertThat(before.unavailableSystems()).isSubsetOf(after.unavailableSystems());
        assertThat(before.processesNotUp()).isSubsetOf(after.processesNotUp());
    }

    @Property(tries = 200)
    void incrementalUpdatesAgreeWithAFullRecomputeAfterEveryChange(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int systems, @ForAll @IntRange(min = 1, max = 15) int processes) {
        ImpactModel model = ImpactModel.of(Fixtures.randomEnterprise(seed, systems, processes));
        SplittableRandom random = new SplittableRandom(~seed);
        Map<String, SystemState> states = randomStates(random, systems);
        LiveImpact live = LiveImpact.of(model, states);

        for (int step = 0; step < 40; step++) {
            String system = "s" + random.nextInt(systems);
            SystemState state = STATES[random.nextInt(STATES.length)];
            states.put(system, state);
            live.set(system, state);

            assertThat(live.availability()).isEqualTo(Availability.compute(model, states));
        }
    }

    @Property(tries = 20)
    void incrementalUpdatesAgreeWithAFullRecomputeOnGeneratedEnterprises(
            @ForAll long seed, @ForAll @IntRange(min = 10, max = 2000) int systems) {
        Enterprise enterprise = EnterpriseGenerator.generate(systems, seed);
        ImpactModel model = ImpactModel.of(enterprise);
        LiveImpact live = LiveImpact.allOperational(model);
        Map<String, SystemState> states = new HashMap<>();
        SplittableRandom random = new SplittableRandom(seed);

        for (int step = 0; step < 30; step++) {
            String system = enterprise.systems().get(random.nextInt(systems)).id();
            SystemState state = STATES[random.nextInt(STATES.length)];
            states.put(system, state);
            live.set(system, state);
        }

        assertThat(live.availability()).isEqualTo(Availability.compute(model, states));
    }

    @Property(tries = 200)
    void lossOverTwoAdjacentPeriodsAddsUpToTheLossOverBoth(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int systems,
            @ForAll @IntRange(min = 0, max = 500) int firstHours, @ForAll @IntRange(min = 0, max = 500) int secondHours) {
        ImpactModel model = ImpactModel.of(Fixtures.randomEnterprise(seed, systems, 5));
        ImpactTracker tracker = RandomIncidents.track(model, new SplittableRandom(seed), 30);
        var from = tracker.start();
        var middle = from.plusSeconds(firstHours * 3600L);
        var to = middle.plusSeconds(secondHours * 3600L);

        double whole = tracker.lossBetween(from, to);

        assertThat(whole).isCloseTo(tracker.lossBetween(from, middle) + tracker.lossBetween(middle, to),
                org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, whole)));
        assertThat(whole).isNotNegative();
    }

    private static Map<String, SystemState> randomStates(SplittableRandom random, int systems) {
        Map<String, SystemState> states = new HashMap<>();
        for (int s = 0; s < systems; s++) {
            if (random.nextInt(4) == 0) {
                states.put("s" + s, STATES[random.nextInt(STATES.length)]);
            }
        }
        return states;
    }

    /** Random incidents over a model: state changes at random hours over three weeks. */
    static final class RandomIncidents {
        static ImpactTracker track(ImpactModel model, SplittableRandom random, int changes) {
            var start = java.time.Instant.parse("2025-09-01T06:00:00Z");
            List<StateChange> history = new java.util.ArrayList<>();
            for (int i = 0; i < changes; i++) {
                history.add(new StateChange(start.plusSeconds(random.nextInt(500) * 3600L),
                        "s" + random.nextInt(model.systemCount()), STATES[random.nextInt(STATES.length)]));
            }
            return ImpactTracker.replay(model, start, history);
        }
    }
}
