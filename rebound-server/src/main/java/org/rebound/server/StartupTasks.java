package org.rebound.server;

import java.time.Clock;
import org.rebound.impact.application.ImpactService;
import org.rebound.incident.Playbook;
import org.rebound.incident.application.IncidentEvidence;
import org.rebound.incident.application.IncidentTasks;
import org.rebound.incident.application.Incidents;
import org.rebound.obligations.application.IncidentObligations;
import org.rebound.security.AdminAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Creates the first administrator, seeds the demo when asked, and keeps in step with other Rebound processes. */
@Component
class StartupTasks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

    private final AdminAccount admin;
    private final ImpactService impact;
    private final Incidents incidents;
    private final IncidentTasks tasks;
    private final IncidentEvidence evidence;
    private final IncidentObligations obligations;
    private final ReboundProperties properties;
    private final StartupReport report;
    private final Clock clock;

    StartupTasks(AdminAccount admin, ImpactService impact, Incidents incidents, IncidentTasks tasks, IncidentEvidence evidence,
                 IncidentObligations obligations, ReboundProperties properties, StartupReport report, Clock clock) {
        this.admin = admin;
        this.impact = impact;
        this.incidents = incidents;
        this.tasks = tasks;
        this.evidence = evidence;
        this.obligations = obligations;
        this.properties = properties;
        this.report = report;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        admin.createIfNoAccounts(properties.adminPassword()).ifPresent(report::adminPasswordGenerated);
        tasks.provide(Playbook.ransomware());
        if (properties.demo() && DemoIncident.seedIfEmpty(impact, incidents, tasks, evidence, obligations, clock)) {
            log.info("loaded the Albion Motors demo incident");
        }
    }

    @Scheduled(fixedDelayString = "${rebound.refresh-interval:5s}", initialDelayString = "${rebound.refresh-interval:5s}")
    void refreshFromOtherProcesses() {
        impact.refreshIfChanged();
    }
}
