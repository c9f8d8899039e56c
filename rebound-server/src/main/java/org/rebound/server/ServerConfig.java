package org.rebound.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.breach.application.BreachRegisters;
import org.rebound.breach.persistence.BreachStore;
import org.rebound.breach.persistence.RegisterCipher;
import org.rebound.impact.application.ImpactService;
import org.rebound.incident.application.IncidentEvidence;
import org.rebound.incident.application.IncidentTasks;
import org.rebound.incident.persistence.EvidenceFiles;
import org.rebound.incident.persistence.EvidenceStore;
import org.rebound.incident.application.Incidents;
import org.rebound.incident.persistence.PlaybookStore;
import org.rebound.incident.persistence.TaskStore;
import org.rebound.intel.IntelSharing;
import org.rebound.readiness.application.Exercises;
import org.rebound.reports.CaseFile;
import org.rebound.reports.IncidentReports;
import org.rebound.reports.persistence.LessonsStore;
import org.rebound.reports.web.TemplateReportRenderer;
import org.rebound.incident.persistence.IncidentStore;
import org.rebound.incident.persistence.ObservableStore;
import org.rebound.incident.persistence.TimelineStore;
import org.rebound.impact.persistence.ScenarioActivations;
import org.rebound.impact.persistence.StateEventStore;
import org.rebound.json.Json;
import org.rebound.obligations.ObligationsEngine;
import org.rebound.obligations.application.DeadlineAlerts;
import org.rebound.obligations.application.IncidentObligations;
import org.rebound.obligations.application.NoticeDrafts;
import org.rebound.obligations.persistence.DraftStore;
import org.rebound.obligations.web.PdfLetterPrinter;
import org.rebound.obligations.persistence.ObligationStore;
import org.rebound.planning.application.PlanningService;
import org.rebound.planning.persistence.ActivityEventStore;
import org.rebound.planning.persistence.PlanStore;
import org.rebound.model.application.ModelImports;
import org.rebound.model.persistence.ModelStore;
import org.rebound.security.AdminAccount;
import org.rebound.security.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/** Builds the plain-Java stores and use cases as beans. */
@Configuration
class ServerConfig {

    private static final Logger log = LoggerFactory.getLogger(ServerConfig.class);

    /** Microsecond ticks: the precision both databases keep, so that what is stored reads back equal. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    ModelStore modelStore(JdbcClient jdbc) {
        return new ModelStore(jdbc);
    }

    @Bean
    AuditLog auditLog(JdbcClient jdbc) {
        return new AuditLog(jdbc);
    }

    @Bean
    StateEventStore stateEventStore(JdbcClient jdbc) {
        return new StateEventStore(jdbc);
    }

    @Bean
    ScenarioActivations scenarioActivations(JdbcClient jdbc) {
        return new ScenarioActivations(jdbc);
    }

    @Bean
    ModelImports modelImports(ModelStore models, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        return new ModelImports(models, audit, transactions, clock);
    }

    @Bean
    ImpactService impactService(ModelStore models, ModelImports imports, StateEventStore events,
                                ScenarioActivations activations, AuditLog audit, TransactionTemplate transactions,
                                Clock clock, ApplicationEventPublisher publisher) {
        return new ImpactService(models, imports, events, activations, audit, transactions, clock, publisher::publishEvent);
    }

    @Bean
    AdminAccount adminAccount(UserStore users, AuditLog audit, PasswordEncoder encoder, TransactionTemplate transactions,
                              Clock clock) {
        return new AdminAccount(users, audit, encoder, transactions, clock);
    }

    @Bean
    PlanStore planStore(JdbcClient jdbc) {
        return new PlanStore(jdbc);
    }

    @Bean
    ActivityEventStore activityEventStore(JdbcClient jdbc) {
        return new ActivityEventStore(jdbc);
    }

    @Bean
    PlanningService planningService(ImpactService impact, PlanStore plans, ActivityEventStore activities, AuditLog audit,
                                    TransactionTemplate transactions, Clock clock, JsonMapper json,
                                    ApplicationEventPublisher publisher) {
        return new PlanningService(impact, plans, activities, audit, transactions, clock, json, publisher::publishEvent);
    }

    @Bean
    IncidentStore incidentStore(JdbcClient jdbc) {
        return new IncidentStore(jdbc);
    }

    @Bean
    TimelineStore timelineStore(JdbcClient jdbc) {
        return new TimelineStore(jdbc);
    }

    @Bean
    ObservableStore observableStore(JdbcClient jdbc) {
        return new ObservableStore(jdbc);
    }

    @Bean
    Incidents incidents(IncidentStore incidents, TimelineStore timeline, ObservableStore observables, StateEventStore stateEvents,
                        UserStore users, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        return new Incidents(incidents, timeline, observables, stateEvents, users, audit, transactions, clock);
    }

    @Bean
    IncidentTasks incidentTasks(Incidents incidents, JdbcClient jdbc, ImpactService impact, AuditLog audit, TransactionTemplate transactions,
                                Clock clock) {
        return new IncidentTasks(incidents, new TaskStore(jdbc), new PlaybookStore(jdbc),
                system -> impact.situation().map(situation -> situation.systems().stream().anyMatch(known -> known.id().equals(system)))
                        .orElse(false),
                audit, transactions, clock);
    }

    @Bean
    IncidentEvidence incidentEvidence(Incidents incidents, JdbcClient jdbc, ReboundProperties properties, AuditLog audit,
                                      TransactionTemplate transactions, Clock clock) {
        return new IncidentEvidence(incidents, new EvidenceStore(jdbc), new EvidenceFiles(properties.evidenceDir()), audit,
                transactions, clock);
    }

    @Bean
    BreachRegisters breachRegisters(Incidents incidents, JdbcClient jdbc, ReboundProperties properties, AuditLog audit,
                                    TransactionTemplate transactions, Clock clock) {
        RegisterCipher cipher = RegisterCipher.open(System.getenv("REBOUND_BREACH_KEY"), properties.breachKeyFile());
        return new BreachRegisters(incidents, new BreachStore(jdbc, cipher), audit, transactions, clock);
    }

    @Bean
    ObligationStore obligationStore(JdbcClient jdbc) {
        return new ObligationStore(jdbc);
    }

    @Bean
    IncidentObligations incidentObligations(Incidents incidents, BreachRegisters registers, ObligationStore store, AuditLog audit,
                                            TransactionTemplate transactions, Clock clock) {
        return new IncidentObligations(incidents, registers, store, ObligationsEngine.standard(), audit, transactions, clock);
    }

    @Bean
    DeadlineAlerts deadlineAlerts(Incidents incidents, IncidentObligations obligations, ObligationStore store, AuditLog audit,
                                  TransactionTemplate transactions, ObligationsProperties properties,
                                  ObjectProvider<JavaMailSender> mail, ApplicationEventPublisher publisher) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null && !properties.alertMailTo().isEmpty()) {
            log.warn("rebound.obligations.alert-mail-to is set but no SMTP server is (spring.mail.host): deadline alerts stay in the app");
        }
        List<String> mailTo = sender == null ? List.of() : properties.alertMailTo();
        DeadlineAlerts.Mailer mailer = mailer(sender, properties.alertMailFrom());
        return new DeadlineAlerts(incidents, obligations, store, audit, transactions, properties.alertLeadTimes(), mailTo, mailer,
                publisher::publishEvent);
    }

    @Bean
    NoticeDrafts noticeDrafts(Incidents incidents, IncidentObligations obligations, BreachRegisters registers, ImpactService impact,
                              PlanningService planning, JdbcClient jdbc, ObligationsProperties properties,
                              ObjectProvider<JavaMailSender> mail, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        JavaMailSender sender = mail.getIfAvailable();
        // not a bean: an Executor bean would make Spring Boot drop its own task executor
        ExecutorService mailMerges = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rebound-mail-merge");
            thread.setDaemon(true);
            return thread;
        });
        return new NoticeDrafts(incidents, obligations, registers, impact, planning, new DraftStore(jdbc), new PdfLetterPrinter(clock),
                mailer(sender, properties.alertMailFrom()), sender != null, mailMerges, audit, transactions, clock);
    }

    /** Plain-text mail through the configured SMTP server; refuses when there is none. */
    private static DeadlineAlerts.Mailer mailer(@Nullable JavaMailSender sender, String from) {
        return (to, subject, body) -> {
            if (sender == null) {
                throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to.toArray(String[]::new));
            message.setSubject(subject);
            message.setText(body);
            sender.send(message);
        };
    }

    @Bean
    IncidentReports incidentReports(Incidents incidents, ImpactService impact, PlanningService planning, IncidentObligations obligations,
                                    JdbcClient jdbc, ITemplateEngine templates, AuditLog audit, TransactionTemplate transactions,
                                    Clock clock) {
        return new IncidentReports(incidents, impact, planning, obligations, new LessonsStore(jdbc),
                new TemplateReportRenderer(templates, clock), audit, transactions, clock);
    }

    @Bean
    Exercises exercises(ImpactService impact, IncidentObligations obligations, Clock clock) {
        return new Exercises(impact, obligations, clock);
    }

    @Bean
    IntelSharing intelSharing(Incidents incidents, ImpactService impact, Clock clock) {
        return new IntelSharing(incidents, () -> impact.situation().map(situation -> situation.enterprise().name()).orElse("Rebound"), clock);
    }

    @Bean
    CaseFile caseFile(Incidents incidents, IncidentEvidence evidence, IntelSharing stix, JsonMapper json, AuditLog audit,
                      TransactionTemplate transactions, Clock clock) {
        return new CaseFile(incidents, evidence, stix, json, audit, transactions, clock);
    }

    @Bean
    JsonMapperBuilderCustomizer reboundJsonConventions() {
        return Json::conventions;
    }

    @Bean
    StartupReport startupReport() {
        return new StartupReport();
    }
}
