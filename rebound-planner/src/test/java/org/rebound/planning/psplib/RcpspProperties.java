package org.rebound.planning.psplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RcpspProperties {

    /**
     * The genetic search packs resources into the lanes of longs: up to four small capacities to a
     * word, two large ones; more resources take more words. Whatever the packing, its schedules keep
     * every precedence and capacity.
     */
    @Property(tries = 40)
    void theGeneticSearchsScheduleKeepsEveryPrecedenceAndCapacity(@ForAll @IntRange(min = 1, max = 7) int resources,
            @ForAll boolean largeCapacities, @ForAll long seed) {
        RcpspInstance instance = randomInstance(resources, largeCapacities, new SplittableRandom(seed));

        RcpspSolution solution = RcpspSolver.heuristic(instance);

        assertThat(RcpspTest.violations(instance, solution.starts())).isEmpty();
        assertThat(solution.makespan()).isGreaterThanOrEqualTo(solution.lowerBound());
    }

    /** Source, 5-30 jobs numbered in precedence order as PSPLIB numbers them, sink. */
    private static RcpspInstance randomInstance(int resources, boolean largeCapacities, SplittableRandom random) {
        int jobs = 7 + random.nextInt(26);
        int[] capacities = new int[resources];
        for (int resource = 0; resource < resources; resource++) {
            capacities[resource] = largeCapacities ? 40_000 + random.nextInt(100_000) : 1 + random.nextInt(15);
        }
        List<List<Integer>> successors = new ArrayList<>();
        boolean[] hasPredecessor = new boolean[jobs + 1];
        for (int job = 1; job <= jobs; job++) {
            List<Integer> following = new ArrayList<>();
            for (int later = job + 1; later < jobs && job > 1; later++) {
                if (random.nextInt(6) == 0) {
                    following.add(later);
                    hasPredecessor[later] = true;
                }
            }
            successors.add(following);
        }
        for (int job = 2; job < jobs; job++) {
            if (!hasPredecessor[job]) {
                successors.get(0).add(job);
            }
            if (successors.get(job - 1).isEmpty()) {
                successors.get(job - 1).add(jobs);
            }
        }
        List<RcpspInstance.Job> all = new ArrayList<>();
        for (int job = 1; job <= jobs; job++) {
            boolean dummy = job == 1 || job == jobs;
            int[] demands = new int[resources];
            for (int resource = 0; resource < resources && !dummy; resource++) {
                demands[resource] = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(capacities[resource]);
            }
            int[] following = successors.get(job - 1).stream().mapToInt(Integer::intValue).toArray();
            all.add(new RcpspInstance.Job(job, dummy ? 0 : 1 + random.nextInt(10), demands, following));
        }
        return new RcpspInstance("random.sm", all, capacities);
    }
}
