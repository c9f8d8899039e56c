package org.rebound.planning.psplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rebound.planning.SolveSettings;

class RcpspTest {

    private static final Path J301_1 = Path.of("src/test/resources/psplib/j301_1.sm");
    /** One of the hardest j30 instances (optimum 77): not settled by the quick phase. */
    private static final Path J3013_7 = Path.of("src/test/resources/psplib/j3013_7.sm");
    private static final Path J3029_8 = Path.of("src/test/resources/psplib/j3029_8.sm");
    /** A resource-constrained j120 instance: critical path 71, best known 195. */
    private static final Path J12016_1 = Path.of("src/test/resources/psplib/j12016_1.sm");

    @Test
    void readsJobsDurationsDemandsSuccessorsAndCapacities() {
        RcpspInstance instance = parsed(J301_1);

        assertThat(instance.name()).isEqualTo("j301_1.sm");
        assertThat(instance.jobs()).hasSize(32);
        assertThat(instance.capacities()).containsExactly(12, 13, 4, 12);
        RcpspInstance.Job second = instance.job(2);
        assertThat(second.duration()).isEqualTo(8);
        assertThat(second.demands()).containsExactly(4, 0, 0, 0);
        assertThat(second.successors()).containsExactly(6, 11, 15);
        assertThat(instance.job(32).successors()).isEmpty();
    }

    @Test
    void findsAndProvesTheOptimalMakespan() {
        RcpspSolution solution = RcpspSolver.solve(parsed(J301_1), new SolveSettings(Duration.ofSeconds(10), 1, 1));

        assertThat(solution.makespan()).isEqualTo(43);
        assertThat(solution.optimal()).isTrue();
        assertThat(solution.lowerBound()).isEqualTo(43);
        assertThat(violations(parsed(J301_1), solution.starts())).isEmpty();
        assertThat(solution.startsByJob()).containsEntry("1", 0).hasSize(32);
    }

    @Test
    void aHardSmallInstanceGetsTheSameFeasibleScheduleForTheSameSeedWithADeterministicLimit() {
        SolveSettings settings = new SolveSettings(Duration.ofSeconds(2), 1, 7, true);

        RcpspSolution first = RcpspSolver.solve(parsed(J3013_7), settings);
        RcpspSolution second = RcpspSolver.solve(parsed(J3013_7), settings);

        assertThat(violations(parsed(J3013_7), first.starts())).isEmpty();
        assertThat(first.makespan()).isBetween(77, RcpspSolver.heuristic(parsed(J3013_7)).makespan());
        assertThat(first.lowerBound()).isLessThanOrEqualTo(77);
        assertThat(second.starts()).containsExactly(first.starts());
    }

    @Test
    void onASmallInstanceWhereTheGeneticSearchStopsShortCpSatFindsAndProvesTheOptimumBelowIt() {
        RcpspSolution solution = RcpspSolver.solve(parsed(J3029_8), new SolveSettings(Duration.ofSeconds(10), 1, 1, true));

        assertThat(violations(parsed(J3029_8), solution.starts())).isEmpty();
        assertThat(solution.makespan()).isEqualTo(80);
        assertThat(solution.optimal()).isTrue();
        assertThat(solution.lowerBound()).isEqualTo(80);
    }

    @Test
    void theHeuristicScheduleIsFeasibleAndNoShorterThanTheOptimum() {
        RcpspSolution heuristic = RcpspSolver.heuristic(parsed(J301_1));

        assertThat(violations(parsed(J301_1), heuristic.starts())).isEmpty();
        assertThat(heuristic.makespan()).isGreaterThanOrEqualTo(43);
    }

    @Test
    void withMoreThreadsTheChildrenAreDecodedInParallelAndTheSearchIsTheOneThreadSearchWithMoreSchedules() {
        RcpspInstance instance = parsed(J12016_1);

        int[] twoThreads = RcpspSolver.geneticSearch(instance, 2, 3_000, 500);

        assertThat(violations(instance, twoThreads)).isEmpty();
        assertThat(twoThreads).containsExactly(RcpspSolver.geneticSearch(instance, 1, 6_000, 500));
        // three threads split each generation unevenly (167, 167, 166 children) and still change nothing
        assertThat(RcpspSolver.geneticSearch(instance, 3, 2_000, 500)).containsExactly(twoThreads);
    }

    @Test
    void theLowerBoundIsTheBusiestResourcesWorkOverItsCapacityWhenThatExceedsTheCriticalPath() {
        // j12016_1: critical path 71; resources 1 and 3 have 3,522 and 3,532 units of work for a
        // capacity of 20, so no schedule is shorter than 177 (PSPLIB's best known lower bound is 181)
        RcpspSolution heuristic = RcpspSolver.heuristic(parsed(J12016_1));

        assertThat(heuristic.lowerBound()).isEqualTo(177);
        assertThat(heuristic.makespan()).isGreaterThan(177);
        assertThat(heuristic.optimal()).isFalse();
    }

    @Test
    void rejectsMultiModeFilesAndMalformedLinesNamingTheLine() {
        List<String> lines = new ArrayList<>(read(J301_1));
        int second = lines.indexOf("   2        1          3           6  11  15");
        lines.set(second, "   2        2          3           6  11  15");
        List<String> garbled = new ArrayList<>(read(J301_1));
        garbled.set(second, "   2        1          3           six  11  15");

        assertThat(PsplibReader.read("multi.sm", lines)).hasToString(
                "multi.sm:" + (second + 1) + ": job 2 has 2 modes; only single-mode (.sm) files are supported");
        assertThat(PsplibReader.read("garbled.sm", garbled)).hasToString(
                "garbled.sm:" + (second + 1) + ": expected numbers, got '2        1          3           six  11  15'");
        assertThat(PsplibReader.read(Path.of("no-such.sm")).toString()).endsWith("no-such.sm: no such file");
        assertThat(PsplibReader.read("empty.sm", List.of("hello"))).hasToString(
                "empty.sm: no 'jobs (incl. supersource/sink )' line: not a PSPLIB single-mode file");
    }

    /** An independent check: precedences and resource capacities at every time unit. */
    static List<String> violations(RcpspInstance instance, int[] starts) {
        List<String> violations = new ArrayList<>();
        for (RcpspInstance.Job job : instance.jobs()) {
            for (int successor : job.successors()) {
                if (starts[successor - 1] < starts[job.number() - 1] + job.duration()) {
                    violations.add("job " + successor + " starts before job " + job.number() + " ends");
                }
            }
        }
        int horizon = instance.serialLength();
        for (int resource = 0; resource < instance.capacities().length; resource++) {
            for (int time = 0; time < horizon; time++) {
                int used = 0;
                for (RcpspInstance.Job job : instance.jobs()) {
                    if (starts[job.number() - 1] <= time && time < starts[job.number() - 1] + job.duration()) {
                        used += job.demands()[resource];
                    }
                }
                if (used > instance.capacities()[resource]) {
                    violations.add("resource " + (resource + 1) + " overloaded at " + time);
                }
            }
        }
        return violations;
    }

    private static int makespan(RcpspInstance instance, int[] starts) {
        int makespan = 0;
        for (RcpspInstance.Job job : instance.jobs()) {
            makespan = Math.max(makespan, starts[job.number() - 1] + job.duration());
        }
        return makespan;
    }

    private static RcpspInstance parsed(Path path) {
        return ((PsplibReader.Result.Parsed) PsplibReader.read(path)).instance();
    }

    private static List<String> read(Path path) {
        try {
            return java.nio.file.Files.readAllLines(path);
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }
}
