package org.rebound.obligations.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rebound.obligations.IncidentFacts;
import org.rebound.obligations.application.IncidentObligations;
import org.rebound.obligations.persistence.ObligationStore.MaterialityDecision;
import org.rebound.obligations.persistence.ObligationStore.Notice;
import org.rebound.obligations.view.ObligationsView.ObligationView;

/**
 * An incident's notification duties as JSON (docs/obligations.md): the facts they were computed from
 * (named as in the facts file), where those came from, the duties, the notices given and the
 * materiality decisions. {@code profile} and {@code facts} are null until the organisation profile is set.
 */
public record IncidentObligationsView(long incident, String evaluatedAt, @Nullable ProfileView profile, @Nullable FactsView facts,
                                      @Nullable Instant factsRecordedAt, @Nullable String factsRecordedBy,
                                      Map<String, Long> affectedFromRegisters, Set<String> categoriesFromRegisters,
                                      List<ObligationView> obligations, List<Notice> notices,
                                      List<MaterialityDecision> materialityDecisions) {

    public record ProfileView(String name, String country, String nis2, boolean secRegistrant, @Nullable String nis2MemberState,
                              @Nullable String timezone) {

        public static ProfileView of(IncidentFacts.Entity entity) {
            return new ProfileView(entity.name(), entity.country(), entity.nis2().id(), entity.secRegistrant(),
                    entity.nis2MemberState(), entity.zone() == null ? null : entity.zone().getId());
        }
    }

    public record FactsView(Instant awareAt, @Nullable Instant occurredAt, boolean personalData, Set<String> categories,
                            Map<String, Long> affected, @Nullable Boolean highRisk, boolean encrypted, boolean unlikelyRisk,
                            boolean riskMitigated, boolean disproportionateEffort, boolean significantIncident,
                            @Nullable Instant materialityDeterminedAt, Map<String, Instant> done) {

        static FactsView of(IncidentFacts facts) {
            IncidentFacts.PersonalData data = facts.personalData();
            return new FactsView(facts.awareAt(), facts.occurredAt(), data.involved(), data.categories(), facts.affected(),
                    data.highRisk(), data.encrypted(), data.unlikelyRisk(), data.riskMitigated(), data.disproportionateEffort(),
                    facts.significantIncident(), facts.materialityDeterminedAt(), facts.done());
        }
    }

    public static IncidentObligationsView of(IncidentObligations.Report report) {
        return new IncidentObligationsView(report.incident().id(), report.evaluatedAt().toString(),
                report.profile() == null ? null : ProfileView.of(report.profile().entity()),
                report.facts() == null ? null : FactsView.of(report.facts()),
                report.origin().recordedAt(), report.origin().recordedBy(), report.origin().registers().peopleByPlace(),
                report.origin().registers().categories(), report.obligations().stream().map(ObligationView::of).toList(),
                report.notices(), report.decisions());
    }
}
