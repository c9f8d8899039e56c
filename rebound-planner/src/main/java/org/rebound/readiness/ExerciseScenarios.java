package org.rebound.readiness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rebound.model.Coded;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Scenario;
import org.rebound.model.SiteKind;
import org.rebound.model.SystemKind;

/**
 * Scenarios for exercises, generated from what the model says each system is. Only systems with
 * recovery data are taken out (the others could not be planned); a generated scenario that would
 * take nothing out is refused rather than returned empty.
 */
public final class ExerciseScenarios {

    public enum Kind implements Coded {
        /** Ransomware on identity (directories, access management) and the ERP with the databases and servers it runs on. */
        RANSOMWARE_IDENTITY_ERP,
        /** Intrusion into the plants' OT: control systems and manufacturing execution. */
        OT_NETWORK,
        /** The systems run at or by suppliers fail (EDI, supplier portals and hosted services). */
        SUPPLIER_OUTAGE;

        @Override
        public String id() {
            return Coded.idOf(this);
        }
    }

    private ExerciseScenarios() {
    }

    /** The scenario, or empty when the model has no system of that description with recovery data. */
    public static Optional<Scenario> generate(Enterprise enterprise, Kind kind, Instant start) {
        Set<String> out = new HashSet<>();
        for (EnterpriseSystem system : enterprise.systems()) {
            if (system.recovery() != null && hit(enterprise, system, kind)) {
                out.add(system.id());
            }
        }
        if (kind == Kind.RANSOMWARE_IDENTITY_ERP) {
            // the ERP's own databases and servers are encrypted with it
            for (EnterpriseSystem system : enterprise.systems()) {
                if (system.kind() == SystemKind.ERP && out.contains(system.id())) {
                    for (String dependency : system.dependsOn()) {
                        enterprise.system(dependency)
                                .filter(found -> found.recovery() != null)
                                .filter(found -> found.kind() == SystemKind.DATABASE || found.kind() == SystemKind.SERVER)
                                .ifPresent(found -> out.add(found.id()));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        List<String> compromised = enterprise.systems().stream().map(EnterpriseSystem::id).filter(out::contains).toList();
        List<String> exfiltrated = new ArrayList<>();
        if (kind == Kind.RANSOMWARE_IDENTITY_ERP) {
            enterprise.systems().stream().filter(system -> out.contains(system.id()) && !system.data().isEmpty())
                    .forEach(system -> exfiltrated.add(system.id()));
        }
        return Optional.of(new Scenario("exercise-" + kind.id(), start, compromised, exfiltrated));
    }

    private static boolean hit(Enterprise enterprise, EnterpriseSystem system, Kind kind) {
        return switch (kind) {
            case RANSOMWARE_IDENTITY_ERP -> system.kind() == SystemKind.IDENTITY || system.kind() == SystemKind.ERP;
            case OT_NETWORK -> system.kind() == SystemKind.OT || system.kind() == SystemKind.MES;
            case SUPPLIER_OUTAGE -> enterprise.sites().stream()
                    .anyMatch(site -> site.id().equals(system.site()) && site.kind() == SiteKind.SUPPLIER);
        };
    }
}
