package org.rebound.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.rebound.incident.application.IncidentEvidence;
import org.rebound.incident.application.IncidentTasks;
import org.rebound.incident.application.Incidents;
import org.rebound.incident.persistence.IncidentStore.StoredIncident;
import org.rebound.incident.persistence.TaskStore;
import org.rebound.model.demo.DemoEnterprise;
import org.rebound.obligations.application.IncidentObligations;
import org.rebound.security.AdminAccount;
import org.rebound.security.Role;

/**
 * The incident responders have been running for the first two days of the Albion Motors attack:
 * opened in the administrator's name (the demo has no other account), with the timeline of the
 * social-engineering break-in, the decisions and the calls to the national agency and the regulator,
 * the indicators collected so far, the Scattered Spider techniques already seen, the forensic images
 * with their custody, and the ransomware playbook's tasks part done.
 */
final class DemoResponse {

    private record Entry(Duration afterStart, String kind, String summary, String source, @Nullable String technique,
                         @Nullable String counterpart, @Nullable String channel) {

        Entry(Duration afterStart, String kind, String summary, String source, @Nullable String technique) {
            this(afterStart, kind, summary, source, technique, null, null);
        }
    }

    private static final List<Entry> TIMELINE = List.of(
            new Entry(Duration.ofHours(-30), "detection", "Caller posing as a plant engineer had the IT service desk reset"
                    + " his MFA enrolment", "Service desk call recording", "T1566.004"),
            new Entry(Duration.ofHours(-29), "detection", "Push-notification bombing against two administrator accounts",
                    "Identity provider log", "T1621"),
            new Entry(Duration.ofHours(-20), "evidence", "Remote-access tool installed on a jump server, outside change control",
                    "EDR console", "T1219.002"),
            new Entry(Duration.ofHours(-6), "evidence", "Volume shadow copies of virtual domain controller disks; NTDS.dit copied",
                    "vCenter events", "T1003.003"),
            new Entry(Duration.ofMinutes(-40), "evidence", "About 400 GB uploaded to a cloud storage provider from the file servers",
                    "Proxy logs", "T1567.002"),
            new Entry(Duration.ZERO, "detection", "ESXi hosts at the three vehicle plants encrypting; ransom note found",
                    "Plant IT, North plant", "T1486"),
            new Entry(Duration.ofMinutes(20), "decision", "Shut down production at every plant and isolate the plants' networks",
                    "Incident commander", null),
            new Entry(Duration.ofMinutes(45), "decision", "Engage the retained forensic firm and outside counsel", "Incident commander", null),
            new Entry(Duration.ofHours(2), "communication", "Reported to the National Cyber Security Centre; incident reference issued",
                    "Call with the NCSC", null, "national-cyber-agency", "phone"),
            new Entry(Duration.ofHours(3), "action", "Backups found deleted on the primary backup server; offline vault intact",
                    "Backup team", "T1490"),
            new Entry(Duration.ofHours(6), "communication", "Suppliers told to hold deliveries; parts orders by e-mail and phone",
                    "Supply chain", null, "suppliers", "email"),
            new Entry(Duration.ofHours(10), "communication", "Report to Action Fraud and the National Crime Agency", "Legal", null,
                    "law-enforcement", "portal"),
            new Entry(Duration.ofHours(20), "communication", "Dealers told vehicle registrations and parts are delayed",
                    "Sales operations", null, "dealers", "email"),
            new Entry(Duration.ofHours(40), "communication", "Preliminary notification of a personal data breach to the ICO",
                    "DPO", null, "regulator", "portal"),
            new Entry(Duration.ofHours(46), "decision", "Restore Active Directory first, then the plants' MES, then finance",
                    "Recovery board", null));

    /** Indicators shared with the national agency (TLP:GREEN), then the ones kept inside the team (TLP:AMBER). */
    private static final String SHARED_INDICATORS = """
            albion-motors-helpdesk.com
            hxxps://albion-motors-sso[.]com/login
            185.220.101.45
            45.134.26.17
            bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq
            9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
            """;
    private static final String TEAM_INDICATORS = """
            ALBION\\svc_vcenter_bkp
            encryptor.exe
            +44 20 7946 0958
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0.0.0 Safari/537.36
            HKLM\\SYSTEM\\CurrentControlSet\\Services\\AnyDeskUpdate
            """;

    private DemoResponse() {
    }

    /** The playbook's first tasks that the demo's responders have finished, or are working on. */
    private static final List<String> DONE = List.of("Isolate affected systems", "Preserve evidence", "Keep the ransom note",
            "Check the offline backups", "Report to the national cyber agency", "Reset passwords", "Report the crime",
            "Rebuild Active Directory");
    private static final List<String> UNDER_WAY = List.of("Find the initial access", "Hunt for persistence", "Tell suppliers",
            "Assess whether personal data");

    static void open(Incidents incidents, IncidentTasks tasks, IncidentEvidence evidence, IncidentObligations obligations,
                     Instant start) {
        Caller admin = new Caller(AdminAccount.USERNAME, Set.of(Role.ADMIN));
        StoredIncident incident = done(incidents.open(new Incidents.Draft("Ransomware and data theft across Albion Motors",
                "Scattered Spider-style intrusion through the IT service desk; ESXi estates encrypted at every plant; customer"
                        + " and dealer data exfiltrated. Production stopped at all plants; GPLC offline.",
                "critical", "amber", "amber", null, DemoEnterprise.SCENARIO, start.minus(Duration.ofHours(30)), start), admin));
        done(incidents.change(incident.id(), new Incidents.Changes(null, null, null, "containment", null, null, null, null, null,
                start.plus(Duration.ofHours(20)), null), admin));
        for (Entry entry : TIMELINE) {
            done(incidents.record(incident.id(), new Incidents.NewEntry(start.plus(entry.afterStart()), entry.kind(), entry.summary(),
                    entry.source(), entry.technique(), entry.counterpart(), entry.channel(), null), admin));
        }
        for (String technique : List.of("T1656", "T1078", "T1133")) {
            done(incidents.noteTechnique(incident.id(), technique, admin));
        }
        for (String software : List.of("S1068", "S1040", "S0591")) {
            done(incidents.noteSoftware(incident.id(), software, admin));
        }
        done(incidents.addObservables(incident.id(), new Incidents.Paste(SHARED_INDICATORS, true, true, "green",
                List.of("scattered-spider")), admin));
        done(incidents.addObservables(incident.id(), new Incidents.Paste(TEAM_INDICATORS, true, true, "amber", List.of()), admin));
        recordEvidence(evidence, incident.id(), start, admin);
        recordNotificationFacts(obligations, incident.id(), start, admin);
        long playbook = tasks.playbooks().stream().filter(view -> view.name().equals("Ransomware")).findFirst().orElseThrow().id();
        for (TaskStore.Task task : done(tasks.apply(incident.id(), playbook, admin))) {
            String status = DONE.stream().anyMatch(task.title()::startsWith) ? "done"
                    : UNDER_WAY.stream().anyMatch(task.title()::startsWith) ? "in-progress" : null;
            if (status != null) {
                done(tasks.change(incident.id(), task.id(), new IncidentTasks.TaskChange(status, null, null), admin));
            }
        }
    }

    /**
     * The facts of the worked example: a British car maker under NIS2 (its EU operations) and
     * listed in the US, with customer data of four jurisdictions stolen; the ICO told after 40 hours.
     */
    private static void recordNotificationFacts(IncidentObligations obligations, long incident, Instant start, Caller admin) {
        done(obligations.setProfile(new IncidentObligations.ProfileInput("Albion Motors", "GB", "important", true, null, null),
                admin));
        done(obligations.recordFacts(incident, new IncidentObligations.FactsInput(start, true,
                List.of("contact", "financial", "government-id"),
                Map.of("GB", 120_000L, "DE", 5_000L, "US-CA", 700L, "US-TX", 40L), true, false, false, false, false, true), admin));
        done(obligations.recordNotice(incident, new IncidentObligations.NoticeInput("uk-gdpr-art33",
                "Information Commissioner's Office (ICO)", "portal", "ICO/IC-401287", "General Counsel",
                start.plus(Duration.ofHours(40))), admin));
    }

    /** Disk and memory images taken by the forensic firm, kept in its lab, with their hand-overs so far. */
    private static void recordEvidence(IncidentEvidence evidence, long incident, Instant start, Caller admin) {
        long vcenter = done(evidence.reference(incident, new IncidentEvidence.Description("vcenter-01 disk image (E01)",
                "Forensic image of the vCenter appliance, taken before the rebuild", "vcenter-01", "Halden Forensics",
                start.plus(Duration.ofHours(5)), "Halden Forensics evidence safe, shelf 3",
                "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", 68_719_476_736L), admin)).evidence().id();
        done(evidence.handOver(incident, vcenter, new IncidentEvidence.Handover("Halden Forensics (field)", "Halden Forensics (lab)",
                start.plus(Duration.ofHours(9)), "Transport to the lab for analysis"), admin));
        long memory = done(evidence.reference(incident, new IncidentEvidence.Description("dc-01 memory capture",
                "Memory of the first domain controller before it was powered off", "dc-01", "Halden Forensics",
                start.plus(Duration.ofHours(2)), "Halden Forensics evidence safe, shelf 3",
                "a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3", 34_359_738_368L), admin)).evidence().id();
        done(evidence.handOver(incident, memory, new IncidentEvidence.Handover("Albion IT security", "Halden Forensics (field)",
                start.plus(Duration.ofHours(3)), "Analysis of credential theft"), admin));
    }

    private static <T> T done(IncidentOutcome<T> outcome) {
        if (outcome instanceof IncidentOutcome.Done<T> done) {
            return done.value();
        }
        throw new IllegalStateException("the demo incident did not load: " + outcome);
    }
}
