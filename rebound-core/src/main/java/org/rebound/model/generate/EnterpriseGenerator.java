package org.rebound.model.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.rebound.model.Backlog;
import org.rebound.model.BusinessProcess;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Estimate;
import org.rebound.model.Recovery;
import org.rebound.model.Requirements;
import org.rebound.model.Scenario;
import org.rebound.model.Shift;
import org.rebound.model.Site;
import org.rebound.model.SiteKind;
import org.rebound.model.SystemKind;
import org.rebound.model.Team;
import org.rebound.model.Workaround;

/**
 * Writes a realistic synthetic manufacturer of exactly the requested number of systems, the same
 * for the same seed. Systems are layered as in a real estate: core network, identity, central
 * infrastructure and enterprise applications at the data centre; then per site a network, site
 * servers and manufacturing systems, and OT lines and endpoints. Each system depends on a few
 * systems of lower layers, preferring its own site. About one process per twelve systems, each
 * needing site systems, an enterprise application and k of n production lines; some have
 * workarounds and backlogs. One scenario, {@code ransomware}, compromises identity, part of the
 * central infrastructure and a few site servers.
 */
public final class EnterpriseGenerator {

    private static final Instant SCENARIO_START = Instant.parse("2025-09-01T06:00:00Z");

    private final SplittableRandom random;
    private final int systemCount;
    private final List<Site> sites = new ArrayList<>();
    private final List<EnterpriseSystem> systems = new ArrayList<>();
    private final List<List<String>> layers = new ArrayList<>();
    /** Per site: [site network, site servers..., lines and endpoints...] by layer. */
    private final List<List<List<String>>> siteLayers = new ArrayList<>();

    private EnterpriseGenerator(int systemCount, long seed) {
        this.systemCount = systemCount;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @throws IllegalArgumentException if {@code systems} is below 10, too few for the layers
     */
    public static Enterprise generate(int systems, long seed) {
        if (systems < 10) {
            throw new IllegalArgumentException("a generated enterprise needs at least 10 systems, got " + systems);
        }
        return new EnterpriseGenerator(systems, seed).build();
    }

    private Enterprise build() {
        int siteCount = Math.max(1, systemCount / 80);
        for (int s = 0; s < siteCount; s++) {
            SiteKind kind = s % 7 == 3 ? SiteKind.LOGISTICS : s % 7 == 6 ? SiteKind.OFFICE : SiteKind.PLANT;
            sites.add(new Site("site-" + (s + 1), label(kind) + " " + (s + 1), kind));
        }
        sites.add(new Site("dc", "Data centre", SiteKind.DATACENTER));

        int core = Math.max(1, systemCount / 100);
        int identity = Math.max(1, systemCount / 100);
        int infrastructure = Math.max(1, systemCount * 6 / 100);
        int applications = Math.max(1, systemCount * 8 / 100);
        centralLayer(core, SystemKind.NETWORK, "network", "core-net", List.of());
        centralLayer(identity, SystemKind.IDENTITY, "identity", "identity", List.of(0));
        centralLayer(infrastructure, SystemKind.SERVER, "infrastructure", "infra", List.of(0, 1));
        centralLayer(applications, SystemKind.ERP, "applications", "app", List.of(1, 2));

        int remaining = systemCount - systems.size();
        int perSiteNetworks = Math.min(siteCount, remaining);
        int siteServers = (remaining - perSiteNetworks) * 3 / 10;
        int edge = remaining - perSiteNetworks - siteServers;
        for (int s = 0; s < siteCount; s++) {
            siteLayers.add(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        }
        for (int i = 0; i < perSiteNetworks; i++) {
            siteSystem(i % siteCount, 0, SystemKind.NETWORK, "network", "net");
        }
        for (int i = 0; i < siteServers; i++) {
            int site = i % siteCount;
            SystemKind kind = switch (i / siteCount % 4) {
                case 0 -> SystemKind.MES;
                case 1 -> sites.get(site).kind() == SiteKind.LOGISTICS ? SystemKind.WMS : SystemKind.DATABASE;
                default -> SystemKind.SERVER;
            };
            siteSystem(site, 1, kind, skillOf(kind), "srv");
        }
        for (int i = 0; i < edge; i++) {
            int site = i % siteCount;
            SystemKind kind = i / siteCount % 3 == 2 ? SystemKind.ENDPOINT : SystemKind.OT;
            siteSystem(site, 2, kind, skillOf(kind), kind == SystemKind.OT ? "line" : "ep");
        }

        List<Team> teams = List.of(
                new Team("network", "Network team", List.of("network"), 3 + systemCount / 1000),
                new Team("identity", "Identity team", List.of("identity"), 2 + systemCount / 2000),
                new Team("infrastructure", "Infrastructure team", List.of("infrastructure", "database"), 4 + systemCount / 500),
                new Team("applications", "Applications team", List.of("applications"), 4 + systemCount / 800),
                new Team("plant-it", "Plant IT team", List.of("mes", "wms", "server"), 4 + systemCount / 400),
                new Team("ot", "OT engineering team", List.of("ot"), 4 + systemCount / 300),
                new Team("endpoint", "Endpoint team", List.of("endpoint"), 4 + systemCount / 600,
                        new Shift(LocalTime.of(8, 0), 12, ZoneOffset.UTC)));

        List<BusinessProcess> processes = processes(siteCount);
        List<Backlog> backlogs = new ArrayList<>();
        for (int i = 0; i < processes.size(); i += 4) {
            BusinessProcess process = processes.get(i);
            double inflow = 50 + random.nextInt(500);
            backlogs.add(new Backlog("backlog-" + process.id(), process.id(), "orders", inflow, inflow * (1.4 + random.nextDouble())));
        }
        return new Enterprise("Generated Manufacturing " + systemCount, "EUR", sites, teams, systems, processes,
                backlogs, List.of(scenario()));
    }

    private void centralLayer(int count, SystemKind kind, String skill, String prefix, List<Integer> dependencyLayers) {
        List<String> layer = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SystemKind actual = kind == SystemKind.SERVER
                    ? (i % 3 == 0 ? SystemKind.DATABASE : SystemKind.SERVER)
                    : kind == SystemKind.ERP ? (i % 4 == 3 ? SystemKind.SAAS : SystemKind.ERP) : kind;
            String id = prefix + "-" + (i + 1);
            Set<String> dependsOn = new LinkedHashSet<>();
            for (int dependencyLayer : dependencyLayers) {
                List<String> candidates = layers.get(dependencyLayer);
                int picks = 1 + random.nextInt(Math.min(2, candidates.size()));
                for (int p = 0; p < picks; p++) {
                    dependsOn.add(candidates.get(random.nextInt(candidates.size())));
                }
            }
            String actualSkill = actual == SystemKind.DATABASE ? "database" : skill;
            systems.add(system(id, "dc", actual, actualSkill, dependsOn));
            layer.add(id);
        }
        layers.add(layer);
    }

    private void siteSystem(int site, int layer, SystemKind kind, String skill, String prefix) {
        List<List<String>> local = siteLayers.get(site);
        String id = sites.get(site).id() + "-" + prefix + "-" + (local.get(layer).size() + 1);
        Set<String> dependsOn = new LinkedHashSet<>();
        if (layer == 0) {
            dependsOn.add(pick(layers.get(0)));
        } else {
            List<String> below = local.get(layer - 1).isEmpty() ? layers.get(0) : local.get(layer - 1);
            dependsOn.add(pick(below));
            if (layer == 1) {
                dependsOn.add(pick(random.nextBoolean() ? layers.get(1) : layers.get(2)));
            } else if (!local.get(0).isEmpty() && random.nextInt(3) == 0) {
                dependsOn.add(pick(local.get(0)));
            }
        }
        systems.add(system(id, sites.get(site).id(), kind, skill, dependsOn));
        local.get(layer).add(id);
    }

    private List<BusinessProcess> processes(int siteCount) {
        int count = Math.max(1, systemCount / 12);
        List<BusinessProcess> processes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int site = i % siteCount;
            List<List<String>> local = siteLayers.get(site);
            List<String> all = new ArrayList<>();
            List<String> servers = local.get(1).isEmpty() ? local.get(0) : local.get(1);
            if (!servers.isEmpty()) {
                all.add(pick(servers));
            }
            String application = pick(layers.get(3));
            if (!all.contains(application)) {
                all.add(application);
            }
            List<Requirements.KOf> kOf = new ArrayList<>();
            List<String> lines = local.get(2);
            if (lines.size() >= 3) {
                int size = Math.min(lines.size(), 3 + random.nextInt(3));
                int offset = random.nextInt(lines.size());
                List<String> group = new ArrayList<>();
                for (int j = 0; j < size; j++) {
                    group.add(lines.get((offset + j) % lines.size()));
                }
                kOf.add(new Requirements.KOf((int) Math.ceil(size * 0.6), group));
            }
            List<List<String>> any = new ArrayList<>();
            if (layers.get(3).size() >= 2 && random.nextInt(3) == 0) {
                String first = pick(layers.get(3));
                String second = pick(layers.get(3));
                if (!first.equals(second) && !all.contains(first) && !all.contains(second)) {
                    any.add(List.of(first, second));
                }
            }
            double cost = Math.round(Math.exp(7.5 + random.nextDouble() * 5)) ;
            Workaround workaround = random.nextInt(10) < 4
                    ? new Workaround(0.1 + random.nextInt(6) / 10.0, Duration.ofHours(4 + random.nextInt(72)),
                            Math.round(cost * 0.05))
                    : null;
            processes.add(new BusinessProcess("process-" + (i + 1), "Process " + (i + 1) + " at " + sites.get(site).name(),
                    sites.get(site).id(), cost, new Requirements(all, any, kOf), workaround));
        }
        return processes;
    }

    private Scenario scenario() {
        Set<String> compromised = new LinkedHashSet<>(layers.get(1));
        List<String> infrastructure = layers.get(2);
        for (int i = 0; i < Math.max(1, infrastructure.size() / 3); i++) {
            compromised.add(pick(infrastructure));
        }
        for (List<List<String>> local : siteLayers) {
            if (!local.get(1).isEmpty() && random.nextInt(4) == 0) {
                compromised.add(pick(local.get(1)));
            }
        }
        List<String> exfiltrated = layers.get(3).subList(0, Math.min(2, layers.get(3).size()));
        return new Scenario("ransomware", SCENARIO_START, List.copyOf(compromised), exfiltrated);
    }

    private EnterpriseSystem system(String id, String site, SystemKind kind, String skill, Set<String> dependsOn) {
        Recovery recovery = new Recovery(hours(2, 12), hours(4, 36), hours(2, 16));
        List<String> data = kind == SystemKind.ERP || kind == SystemKind.SAAS ? List.of("customer-contact") : List.of();
        return new EnterpriseSystem(id, nameOf(kind) + " " + id, site, kind, skill, recovery, List.copyOf(dependsOn), data);
    }

    private Estimate hours(int min, int max) {
        return Estimate.exactly(Duration.ofHours(min + random.nextInt(max - min + 1)));
    }

    private String pick(List<String> candidates) {
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static String skillOf(SystemKind kind) {
        return switch (kind) {
            case MES -> "mes";
            case WMS -> "wms";
            case DATABASE -> "database";
            case OT -> "ot";
            case ENDPOINT -> "endpoint";
            default -> "server";
        };
    }

    private static String label(SiteKind kind) {
        return switch (kind) {
            case LOGISTICS -> "Logistics centre";
            case OFFICE -> "Office";
            default -> "Plant";
        };
    }

    private static String nameOf(SystemKind kind) {
        return switch (kind) {
            case NETWORK -> "Network";
            case IDENTITY -> "Directory";
            case DATABASE -> "Database";
            case ERP -> "ERP module";
            case SAAS -> "SaaS application";
            case MES -> "MES";
            case WMS -> "Warehouse system";
            case OT -> "Production line";
            case ENDPOINT -> "Endpoints";
            default -> "Server";
        };
    }
}
