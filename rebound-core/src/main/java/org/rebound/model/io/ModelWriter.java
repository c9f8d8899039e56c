package org.rebound.model.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Backlog;
import org.rebound.model.BusinessProcess;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Estimate;
import org.rebound.model.Recovery;
import org.rebound.model.Requirements;
import org.rebound.model.Scenario;
import org.rebound.model.Site;
import org.rebound.model.Team;
import org.rebound.model.Workaround;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes an enterprise as a model file. Reading the output with {@link ModelReader} gives back an
 * equal enterprise; optional fields at their defaults are left out.
 */
public final class ModelWriter {

    private ModelWriter() {
    }

    public static String toYaml(Enterprise enterprise) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.AUTO)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(160)
                .build();
        return new Dump(settings).dumpToString(toDocument(enterprise));
    }

    /**
     * The model as nested maps and lists with the field names of the file format, for writing in
     * another notation such as JSON.
     */
    public static Map<String, Object> toDocument(Enterprise enterprise) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("enterprise", enterprise.name());
        document.put("currency", enterprise.currency());
        document.put("sites", enterprise.sites().stream().map(ModelWriter::site).toList());
        document.put("teams", enterprise.teams().stream().map(ModelWriter::team).toList());
        document.put("systems", enterprise.systems().stream().map(ModelWriter::system).toList());
        document.put("processes", enterprise.processes().stream().map(ModelWriter::process).toList());
        document.put("backlogs", enterprise.backlogs().stream().map(ModelWriter::backlog).toList());
        document.put("scenarios", enterprise.scenarios().stream().map(ModelWriter::scenario).toList());
        return document;
    }

    private static Map<String, Object> site(Site site) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", site.id());
        fields.put("name", site.name());
        fields.put("kind", site.kind().id());
        return fields;
    }

    private static Map<String, Object> team(Team team) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", team.id());
        fields.put("name", team.name());
        fields.put("skills", team.skills());
        fields.put("members", team.members());
        if (team.shift() != null) {
            Map<String, Object> shift = new LinkedHashMap<>();
            shift.put("start", team.shift().start().toString());
            shift.put("hours", team.shift().hours());
            shift.put("zone", team.shift().zone().getId());
            fields.put("shift", shift);
        }
        return fields;
    }

    private static Map<String, Object> system(EnterpriseSystem system) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", system.id());
        fields.put("name", system.name());
        putIfPresent(fields, "site", system.site());
        fields.put("kind", system.kind().id());
        putIfPresent(fields, "skill", system.skill());
        if (system.recovery() != null) {
            fields.put("recovery", recovery(system.recovery()));
        }
        if (!system.dependsOn().isEmpty()) {
            fields.put("depends_on", system.dependsOn());
        }
        if (!system.data().isEmpty()) {
            fields.put("data", system.data());
        }
        return fields;
    }

    private static Map<String, Object> recovery(Recovery recovery) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("triage", estimate(recovery.triage()));
        fields.put("restore", estimate(recovery.restore()));
        fields.put("validate", estimate(recovery.validate()));
        if (recovery.crew() != 1) {
            fields.put("crew", recovery.crew());
        }
        return fields;
    }

    private static Object estimate(Estimate estimate) {
        if (estimate.isExact()) {
            return Durations.format(estimate.likely());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("min", Durations.format(estimate.min()));
        fields.put("likely", Durations.format(estimate.likely()));
        fields.put("max", Durations.format(estimate.max()));
        return fields;
    }

    private static Map<String, Object> process(BusinessProcess process) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", process.id());
        fields.put("name", process.name());
        putIfPresent(fields, "site", process.site());
        fields.put("cost_per_hour", number(process.costPerHour()));
        fields.put("requires", requirements(process.requires()));
        Workaround workaround = process.workaround();
        if (workaround != null) {
            Map<String, Object> fallback = new LinkedHashMap<>();
            fallback.put("capacity", number(workaround.capacity()));
            fallback.put("lead_time", Durations.format(workaround.leadTime()));
            fallback.put("cost_per_hour", number(workaround.costPerHour()));
            fields.put("workaround", fallback);
        }
        return fields;
    }

    private static Map<String, Object> requirements(Requirements requires) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!requires.all().isEmpty()) {
            fields.put("all", requires.all());
        }
        if (!requires.any().isEmpty()) {
            fields.put("any", requires.any());
        }
        if (!requires.kOf().isEmpty()) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (Requirements.KOf group : requires.kOf()) {
                Map<String, Object> kOf = new LinkedHashMap<>();
                kOf.put("k", group.k());
                kOf.put("of", group.of());
                groups.add(kOf);
            }
            fields.put("k_of", groups);
        }
        return fields;
    }

    private static Map<String, Object> backlog(Backlog backlog) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", backlog.id());
        fields.put("process", backlog.process());
        fields.put("unit", backlog.unit());
        fields.put("inflow_per_hour", number(backlog.inflowPerHour()));
        fields.put("clear_per_hour", number(backlog.clearPerHour()));
        return fields;
    }

    private static Map<String, Object> scenario(Scenario scenario) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", scenario.id());
        fields.put("start", scenario.start().toString());
        fields.put("compromised", scenario.compromised());
        fields.put("exfiltrated", scenario.exfiltrated());
        return fields;
    }

    private static void putIfPresent(Map<String, Object> fields, String key, @Nullable Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    /** Whole amounts as integers, so that {@code 1250000} is not written {@code 1250000.0}. */
    private static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }
}
