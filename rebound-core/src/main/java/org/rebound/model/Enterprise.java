package org.rebound.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole enterprise model, with lookups by id. Instances are immutable. Building one does not
 * validate references between its parts; {@link org.rebound.model.io.ModelReader} does, and code
 * that assembles an enterprise by hand should pass it through
 * {@link org.rebound.model.io.ModelValidator}.
 */
public final class Enterprise {

    private final String name;
    private final String currency;
    private final List<Site> sites;
    private final List<Team> teams;
    private final List<EnterpriseSystem> systems;
    private final List<BusinessProcess> processes;
    private final List<Backlog> backlogs;
    private final List<Scenario> scenarios;
    private final Map<String, EnterpriseSystem> systemsById;
    private final Map<String, BusinessProcess> processesById;
    private final Map<String, Scenario> scenariosById;

    public Enterprise(
            String name,
            String currency,
            List<Site> sites,
            List<Team> teams,
            List<EnterpriseSystem> systems,
            List<BusinessProcess> processes,
            List<Backlog> backlogs,
            List<Scenario> scenarios) {
        this.name = name;
        this.currency = currency;
        this.sites = List.copyOf(sites);
        this.teams = List.copyOf(teams);
        this.systems = List.copyOf(systems);
        this.processes = List.copyOf(processes);
        this.backlogs = List.copyOf(backlogs);
        this.scenarios = List.copyOf(scenarios);
        this.systemsById = index(this.systems, EnterpriseSystem::id);
        this.processesById = index(this.processes, BusinessProcess::id);
        this.scenariosById = index(this.scenarios, Scenario::id);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>(items.size() * 2);
        for (T item : items) {
            byId.putIfAbsent(id.apply(item), item);
        }
        return byId;
    }

    public String name() {
        return name;
    }

    /** ISO 4217 code of the currency all money in the model is in. */
    public String currency() {
        return currency;
    }

    public List<Site> sites() {
        return sites;
    }

    public List<Team> teams() {
        return teams;
    }

    public List<EnterpriseSystem> systems() {
        return systems;
    }

    public List<BusinessProcess> processes() {
        return processes;
    }

    public List<Backlog> backlogs() {
        return backlogs;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    public Optional<EnterpriseSystem> system(String id) {
        return Optional.ofNullable(systemsById.get(id));
    }

    public Optional<BusinessProcess> process(String id) {
        return Optional.ofNullable(processesById.get(id));
    }

    public Optional<Scenario> scenario(String id) {
        return Optional.ofNullable(scenariosById.get(id));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Enterprise that
                && name.equals(that.name)
                && currency.equals(that.currency)
                && sites.equals(that.sites)
                && teams.equals(that.teams)
                && systems.equals(that.systems)
                && processes.equals(that.processes)
                && backlogs.equals(that.backlogs)
                && scenarios.equals(that.scenarios);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, currency, sites, teams, systems, processes, backlogs, scenarios);
    }

    @Override
    public String toString() {
        return "Enterprise[" + name + ", " + systems.size() + " systems, " + processes.size() + " processes]";
    }
}
