package org.rebound.impact;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rebound.model.BusinessProcess;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Requirements;
import org.rebound.model.SystemKind;
import org.rebound.model.Workaround;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;

/** Models for the impact tests: the small plant fixture, and random acyclic enterprises for properties. */
final class Fixtures {

    private Fixtures() {
    }

    static Enterprise smallPlant() {
        return ((ModelLoad.Loaded) ModelReader.read(Path.of("src/test/resources/models/small-plant.yaml"))).enterprise();
    }

    /**
     * A random enterprise: each system depends on a few lower-numbered ones (so there is no cycle),
     * and each process mixes all, any and k-of requirements over random systems.
     */
    static Enterprise randomEnterprise(long seed, int systemCount, int processCount) {
        SplittableRandom random = new SplittableRandom(seed);
        List<EnterpriseSystem> systems = new ArrayList<>();
        for (int s = 0; s < systemCount; s++) {
            List<String> dependsOn = new ArrayList<>();
            for (int candidate = 0; candidate < s; candidate++) {
                if (random.nextInt(systemCount) < 2) {
                    dependsOn.add("s" + candidate);
                }
            }
            systems.add(new EnterpriseSystem("s" + s, "System " + s, null, SystemKind.SERVER, null, null, dependsOn, List.of()));
        }
        List<BusinessProcess> processes = new ArrayList<>();
        for (int p = 0; p < processCount; p++) {
            List<String> pool = distinct(random, systemCount, 1 + random.nextInt(Math.min(6, systemCount)));
            int allSize = random.nextInt(pool.size() + 1);
            List<String> all = pool.subList(0, allSize);
            List<List<String>> any = new ArrayList<>();
            List<Requirements.KOf> kOf = new ArrayList<>();
            if (random.nextBoolean()) {
                any.add(distinct(random, systemCount, 1 + random.nextInt(Math.min(3, systemCount))));
            }
            if (random.nextBoolean() || (all.isEmpty() && any.isEmpty())) {
                List<String> group = distinct(random, systemCount, 1 + random.nextInt(Math.min(4, systemCount)));
                kOf.add(new Requirements.KOf(1 + random.nextInt(group.size()), group));
            }
            Workaround workaround = random.nextBoolean()
                    ? new Workaround(random.nextInt(11) / 10.0, Duration.ofHours(random.nextInt(48)), random.nextInt(1000))
                    : null;
            processes.add(new BusinessProcess("p" + p, "Process " + p, null, 1000 + random.nextInt(100_000),
                    new Requirements(all, any, kOf), workaround));
        }
        return new Enterprise("Random " + seed, "EUR", List.of(), List.of(), systems, processes, List.of(), List.of());
    }

    private static List<String> distinct(SplittableRandom random, int systemCount, int size) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < size) {
            String id = "s" + random.nextInt(systemCount);
            if (!chosen.contains(id)) {
                chosen.add(id);
            }
        }
        return chosen;
    }
}
