package org.rebound.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebound.audit.AuditChain;
import org.rebound.audit.AuditLog;
import org.rebound.impact.persistence.ScenarioActivations;
import org.rebound.impact.persistence.StateEventStore.StateEvent;
import org.rebound.impact.persistence.StateEventStore;
import org.rebound.incident.Observable;
import org.rebound.incident.ObservableType;
import org.rebound.incident.Pap;
import org.rebound.incident.Severity;
import org.rebound.incident.TimelineKind;
import org.rebound.incident.Tlp;
import org.rebound.incident.persistence.EvidenceStore;
import org.rebound.incident.persistence.IncidentStore;
import org.rebound.incident.persistence.ObservableStore;
import org.rebound.incident.persistence.TaskStore;
import org.rebound.incident.persistence.TimelineStore;
import org.rebound.model.SystemState;
import org.rebound.model.persistence.ModelStore;
import org.rebound.security.Role;
import org.rebound.security.UserStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every store must do, on each database Rebound supports. */
abstract class StorageContract {

    private static final Instant START = Instant.parse("2025-09-01T06:00:00.123456Z");

    private JdbcClient jdbc;

    protected abstract DataSource freshDatabase();

    /** What an attacker with the database's owner rights could do: turn the append-only guard off. */
    protected abstract void disableAppendOnlyGuard(JdbcClient jdbc);

    @BeforeEach
    void migrate() {
        jdbc = JdbcClient.create(freshDatabase());
    }

    @Test
    void eachImportAddsAModelVersionAndTheHighestIsCurrent() {
        ModelStore models = new ModelStore(jdbc);
        assertThat(models.current()).isEmpty();
        assertThat(models.currentVersion()).isZero();

        models.save("Albion Motors", "enterprise: Albion Motors\n", "albion.yaml", "alice", START);
        models.save("Albion Motors", "enterprise: Albion Motors\ncurrency: GBP\n", "albion-v2.yaml", "bob", START.plusSeconds(60));

        var current = models.current().orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.document()).isEqualTo("enterprise: Albion Motors\ncurrency: GBP\n");
        assertThat(current.sha256()).isEqualTo(ModelStore.sha256(current.document())).hasSize(64);
        assertThat(current.importedBy()).isEqualTo("bob");
        assertThat(current.importedAt()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void storesALargeModelDocumentWhole() {
        String large = "x".repeat(3_000_000);
        new ModelStore(jdbc).save("Big", large, "big.yaml", "alice", START);

        assertThat(new ModelStore(jdbc).current().orElseThrow().document()).hasSize(3_000_000);
    }

    @Test
    void stateChangesComeBackInTheOrderTheyHappenedNotTheOrderRecorded() {
        StateEventStore events = new StateEventStore(jdbc);
        StateEvent restored = events.append("ad-core", SystemState.RESTORED, "rebuilt", "alice", START.plusSeconds(7200), START.plusSeconds(7200));
        StateEvent compromised = events.append("ad-core", SystemState.COMPROMISED, "encrypted", "bob", START, START.plusSeconds(7300));

        assertThat(events.all()).containsExactly(compromised, restored);
        assertThat(events.forSystem("ad-core")).containsExactly(restored, compromised);
        assertThat(events.forSystem("erp-core")).isEmpty();
        assertThat(events.latestId()).isEqualTo(compromised.id());
    }

    @Test
    void theLatestActivationIsTheLiveIncident() {
        ModelStore models = new ModelStore(jdbc);
        models.save("Albion Motors", "doc", "albion.yaml", "alice", START);
        ScenarioActivations activations = new ScenarioActivations(jdbc);
        assertThat(activations.current()).isEmpty();

        activations.activate(1, "tabletop", START, "alice", START);
        var live = activations.activate(1, "ransomware", START.plusSeconds(3600), "bob", START.plusSeconds(3700));

        assertThat(activations.current()).contains(live);
        assertThat(live.startedAt()).isEqualTo(START.plusSeconds(3600));
    }

    @Test
    void auditEntriesReadNewestFirst() {
        AuditLog audit = new AuditLog(jdbc);
        audit.record(START, "alice", "model.import", "model/1", "imported albion.yaml");
        audit.record(START.plusSeconds(1), "bob", "system.state", "system/ad-core", "compromised -> restored");

        assertThat(audit.latest(10)).extracting(AuditLog.Entry::action).containsExactly("system.state", "model.import");
        assertThat(audit.latest(1)).singleElement().extracting(AuditLog.Entry::actor).isEqualTo("bob");
    }

    @Test
    void auditEntriesAreChainedByHashAndTheChainVerifies() {
        AuditLog audit = threeEntries();

        AuditLog.Verification verification = audit.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
        assertThat(verification.head()).hasSize(64).isNotEqualTo(AuditChain.GENESIS);
        assertThat(audit.latest(3)).extracting(AuditLog.Entry::seq).containsExactly(3L, 2L, 1L);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnAuditEntry() {
        threeEntries();

        assertThatThrownBy(() -> jdbc.sql("update audit_log set detail = 'nothing happened' where seq = 2").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where seq = 2").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void verificationFindsTheFirstEntryChangedBehindReboundsBack() {
        AuditLog audit = threeEntries();
        disableAppendOnlyGuard(jdbc);

        jdbc.sql("update audit_log set detail = 'compromised -> compromised' where seq = 2").update();

        AuditLog.Verification verification = audit.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
        assertThat(verification.problem()).isEqualTo("entry 2 was changed after it was written");
    }

    @Test
    void verificationFindsARemovedEntryAndACutOffEnd() {
        AuditLog audit = threeEntries();
        disableAppendOnlyGuard(jdbc);

        jdbc.sql("delete from audit_log where seq = 3").update();
        assertThat(audit.verify().problem()).isEqualTo("the chain ends at entry 2 but its head says 3: entries were removed from the end");

        jdbc.sql("delete from audit_log where seq = 1").update();
        assertThat(audit.verify().firstBroken()).isEqualTo(1);
        assertThat(audit.verify().problem()).isEqualTo("entry 1 is missing (the next entry is 2)");
    }

    private AuditLog threeEntries() {
        AuditLog audit = new AuditLog(jdbc);
        audit.record(START, "alice", "model.import", "model/1", "imported albion.yaml");
        audit.record(START.plusSeconds(1), "bob", "system.state", "system/ad-core", "compromised -> restored");
        audit.recordAll(List.of(new AuditLog.Change(START.plusSeconds(2), "carol", "plan.compute", "plan/1", "heuristic plan")));
        return audit;
    }

    @Test
    void accountsKeepTheirRolesAndOnlyAHashOfThePassword() {
        UserStore users = new UserStore(jdbc);
        users.create("alice", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Set.of(Role.INCIDENT_COMMANDER, Role.RESPONDER), START);
        users.changePassword("alice", "{bcrypt}$2a$10$zyxwvutsrqponmlkjihgfe");

        var alice = users.find("alice").orElseThrow();
        assertThat(alice.roles()).containsExactlyInAnyOrder(Role.INCIDENT_COMMANDER, Role.RESPONDER);
        assertThat(alice.passwordHash()).isEqualTo("{bcrypt}$2a$10$zyxwvutsrqponmlkjihgfe");
        assertThat(users.count()).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> users.changePassword("mallory", "{noop}x"));
    }

    @Test
    void anIncidentKeepsItsMilestonesMembersTechniquesAndTimelineInOrder() {
        new UserStore(jdbc).create("ian", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Set.of(Role.INCIDENT_COMMANDER), START);
        new UserStore(jdbc).create("rita", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Set.of(Role.RESPONDER), START);
        IncidentStore incidents = new IncidentStore(jdbc);
        TimelineStore timeline = new TimelineStore(jdbc);
        var opened = incidents.create(new IncidentStore.IncidentFields("Ransomware", "Plants encrypted", Severity.CRITICAL, "new",
                Tlp.AMBER_STRICT, Pap.RED, "ian", "ransomware", START, START.plusSeconds(600), null, null), START, "ian");

        incidents.addMember(opened.id(), "ian", START, "ian");
        boolean addedTwice = incidents.addMember(opened.id(), "ian", START, "ian");
        incidents.addMember(opened.id(), "rita", START, "ian");
        incidents.noteTechnique(opened.id(), "T1486", START, "rita");
        var later = timeline.append(opened.id(), START.plusSeconds(3600), TimelineKind.DECISION, "Shut the plants", "IC", null, START, "ian");
        var earlier = timeline.append(opened.id(), START.plusSeconds(60), TimelineKind.DETECTION, "Ransom note", "EDR", "T1486", START, "rita");

        var stored = incidents.find(opened.id()).orElseThrow();
        assertThat(stored.tlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(stored.detectedAt()).isEqualTo(START.plusSeconds(600));
        assertThat(stored.containedAt()).isNull();
        assertThat(addedTwice).isFalse();
        assertThat(incidents.members(opened.id())).extracting(IncidentStore.Member::username).containsExactly("ian", "rita");
        assertThat(incidents.withMember("rita")).extracting(IncidentStore.StoredIncident::id).containsExactly(opened.id());
        assertThat(incidents.isMember(opened.id(), "nobody")).isFalse();
        assertThat(incidents.techniques(opened.id())).extracting(IncidentStore.NotedTechnique::technique).containsExactly("T1486");
        assertThat(timeline.of(opened.id())).containsExactly(earlier, later);
    }

    @Test
    void anObservableSeenAgainWidensItsSightingWindowAndIsFoundInOtherIncidents() {
        new UserStore(jdbc).create("ian", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Set.of(Role.INCIDENT_COMMANDER), START);
        IncidentStore incidents = new IncidentStore(jdbc);
        ObservableStore observables = new ObservableStore(jdbc);
        var fields = new IncidentStore.IncidentFields("One", "", Severity.HIGH, "new", Tlp.GREEN, Pap.GREEN, "ian", null, null, null, null, null);
        long first = incidents.create(fields, START, "ian").id();
        long second = incidents.create(fields, START, "ian").id();
        Observable domain = new Observable(ObservableType.DOMAIN, "evil-update.net");
        var marking = new ObservableStore.Marking(true, false, Tlp.GREEN, List.of("c2", "scattered-spider"));

        observables.addAll(first, List.of(domain), marking, START.plusSeconds(100), START, "ian");
        long id = observables.idsByValue(first).get(domain);
        observables.seenAgain(List.of(id), START);
        observables.seenAgain(List.of(id), START.plusSeconds(500));
        observables.addAll(second, List.of(domain, new Observable(ObservableType.IPV4, "185.220.101.45")), marking, START, START, "ian");

        var reread = observables.find(first, domain).orElseThrow();
        assertThat(reread.firstSeen()).isEqualTo(START);
        assertThat(reread.lastSeen()).isEqualTo(START.plusSeconds(500));
        assertThat(reread.tags()).containsExactly("c2", "scattered-spider");
        assertThat(observables.alsoSeenIn(first)).containsExactly(Map.entry(id, List.of(second)));
        assertThat(observables.of(second)).hasSize(2);
    }

    @Test
    void thousandsOfObservablesAreAddedAndSeenAgainAcrossStatementChunks() {
        new UserStore(jdbc).create("ian", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Set.of(Role.INCIDENT_COMMANDER), START);
        long incident = new IncidentStore(jdbc).create(new IncidentStore.IncidentFields("Bulk", "", Severity.HIGH, "new", Tlp.AMBER,
                Pap.AMBER, "ian", null, null, null, null, null), START, "ian").id();
        ObservableStore observables = new ObservableStore(jdbc);
        List<Observable> domains = java.util.stream.IntStream.range(0, 1_234)
                .mapToObj(i -> new Observable(ObservableType.DOMAIN, "c2-" + i + ".example.net")).toList();

        observables.addAll(incident, domains, new ObservableStore.Marking(true, true, Tlp.AMBER, List.of()), START, START, "ian");
        Map<Observable, Long> ids = observables.idsByValue(incident);
        observables.seenAgain(ids.values(), START.plusSeconds(3600));

        assertThat(ids).hasSize(1_234).containsKeys(domains.get(0), domains.get(1_233));
        assertThat(observables.of(incident)).allSatisfy(stored -> assertThat(stored.lastSeen()).isEqualTo(START.plusSeconds(3600)));
    }

    @Test
    void evidenceKeepsItsHashAndItsCustodyInTheOrderOfHandOversWhichTheDatabaseWillNotRewrite() {
        new UserStore(jdbc).create("ian", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Set.of(Role.INCIDENT_COMMANDER), START);
        long incident = new IncidentStore(jdbc).create(new IncidentStore.IncidentFields("Evidence", "", Severity.HIGH, "new", Tlp.AMBER,
                Pap.AMBER, "ian", null, null, null, null, null), START, "ian").id();
        EvidenceStore evidence = new EvidenceStore(jdbc);

        var image = evidence.add(incident, new EvidenceStore.NewEvidence("dc-01.E01", "", "ab".repeat(32), 68_719_476_736L, false,
                "Lab safe 3", "dc-01", "Halden Forensics", START), START, "ian");
        var reference = evidence.add(incident, new EvidenceStore.NewEvidence("USB stick", "found in the plant office", null, null, false,
                "Plant safe", "", "ian", START.plusSeconds(60)), START, "ian");
        var second = evidence.addCustody(image.id(), START.plusSeconds(7200), "lab intake", "analyst", "analysis", START, "ian");
        var first = evidence.addCustody(image.id(), START.plusSeconds(3600), "field team", "lab intake", "transport", START, "ian");

        assertThat(evidence.of(incident)).containsExactly(image, reference);
        assertThat(image.sizeBytes()).isEqualTo(68_719_476_736L);
        assertThat(reference.sha256()).isNull();
        assertThat(evidence.custody(incident)).containsExactly(first, second);
        assertThat(evidence.find(incident + 1, image.id())).isEmpty();
        assertThatThrownBy(() -> jdbc.sql("update custody_entry set received_by = 'someone else' where id = :id").param("id", first.id()).update())
                .hasMessageContaining("custody_entry is append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from custody_entry where id = :id").param("id", second.id()).update())
                .hasMessageContaining("custody_entry is append-only");
    }

    @Test
    void mergingMovesWorkAndEvidenceAndCopiesTheRecordWithoutDuplicates() {
        new UserStore(jdbc).create("ian", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Set.of(Role.INCIDENT_COMMANDER), START);
        new UserStore(jdbc).create("rita", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Set.of(Role.RESPONDER), START);
        IncidentStore incidents = new IncidentStore(jdbc);
        var fields = new IncidentStore.IncidentFields("Incident", "", Severity.HIGH, "new", Tlp.AMBER, Pap.AMBER, "ian", null, null, null,
                null, null);
        long target = incidents.create(fields, START, "ian").id();
        long source = incidents.create(fields, START, "ian").id();
        incidents.addMember(target, "ian", START, "ian");
        incidents.addMember(source, "ian", START, "ian");
        incidents.addMember(source, "rita", START, "ian");
        incidents.noteTechnique(source, "T1486", START, "rita");
        incidents.noteTechnique(target, "T1486", START, "ian");
        incidents.noteSoftware(source, "S1068", START, "rita");
        ObservableStore observables = new ObservableStore(jdbc);
        var marking = new ObservableStore.Marking(true, false, Tlp.AMBER, List.of());
        Observable domain = new Observable(ObservableType.DOMAIN, "evil-update.net");
        observables.addAll(target, List.of(domain), marking, START, START, "ian");
        observables.addAll(source, List.of(domain, new Observable(ObservableType.IPV4, "45.134.26.17")), marking, START, START, "ian");
        new TimelineStore(jdbc).append(source, START, TimelineKind.DETECTION, "Scanners offline", "WMS", null, START, "rita");
        long task = new TaskStore(jdbc).add(source, "Restart the WMS", null, null, "wms", "restore", START, "ian").id();

        incidents.merge(source, target, "closed", START.plusSeconds(60), "ian");

        assertThat(incidents.find(source).orElseThrow().mergedInto()).isEqualTo(target);
        assertThat(incidents.find(source).orElseThrow().status()).isEqualTo("closed");
        assertThat(incidents.members(target)).extracting(IncidentStore.Member::username).containsExactly("ian", "rita");
        assertThat(incidents.techniques(target)).hasSize(1);
        assertThat(incidents.software(target)).containsExactly("S1068");
        assertThat(observables.of(target)).hasSize(2);
        assertThat(observables.of(source)).hasSize(2);
        assertThat(new TimelineStore(jdbc).of(target)).extracting(TimelineStore.Entry::summary).containsExactly("Scanners offline");
        assertThat(new TaskStore(jdbc).find(target, task)).hasValueSatisfying(moved -> assertThat(moved.activity()).isEqualTo("restore"));
        assertThat(new TaskStore(jdbc).forSystem("wms")).extracting(TaskStore.Task::id).containsExactly(task);
    }
}
