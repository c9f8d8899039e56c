package org.rebound.obligations;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Coded;

/**
 * What is known about an incident that notification laws ask about. Built from a facts file
 * ({@link FactsReader}) or, on the server, from the incident, the enterprise settings and the
 * breach registers.
 *
 * @param awareAt when the organisation became aware of the incident (the start of most clocks)
 * @param occurredAt when the incident began, if known (reported, never a clock start)
 * @param affected people affected per ISO country code ({@code GB}) or US state ({@code US-CA})
 * @param significantIncident whether the incident is significant in the sense of NIS2 Art. 23(3)
 * @param materialityDeterminedAt when the SEC registrant determined the incident to be material, or null
 * @param done when each rule's notice was given, by rule id
 */
public record IncidentFacts(Instant awareAt, @Nullable Instant occurredAt, Entity entity, PersonalData personalData,
                            Map<String, Long> affected, boolean significantIncident,
                            @Nullable Instant materialityDeterminedAt, Map<String, Instant> done) {

    public IncidentFacts {
        affected = Collections.unmodifiableMap(new TreeMap<>(affected));
        done = Collections.unmodifiableMap(new TreeMap<>(done));
        for (Map.Entry<String, Long> count : affected.entrySet()) {
            if (count.getValue() < 0) {
                throw new IllegalArgumentException("affected." + count.getKey() + " must not be negative, got " + count.getValue());
            }
        }
    }

    /** These facts with the notice of {@code ruleId} recorded as given at {@code at}. */
    public IncidentFacts withDone(String ruleId, Instant at) {
        Map<String, Instant> more = new LinkedHashMap<>(done);
        more.put(ruleId, at);
        return new IncidentFacts(awareAt, occurredAt, entity, personalData, affected, significantIncident,
                materialityDeterminedAt, more);
    }

    /** How NIS2 classifies the entity (Art. 3). */
    public enum Nis2 implements Coded {
        ESSENTIAL, IMPORTANT, NONE;

        @Override
        public String id() {
            return Coded.idOf(this);
        }
    }

    /**
     * @param country the ISO 3166 code of the country where the entity is established
     * @param nis2MemberState for an entity outside the EU under NIS2, the member state of its representative (Art. 26)
     * @param zone the entity's own time zone, when not the one of its country
     */
    public record Entity(String name, String country, Nis2 nis2, boolean secRegistrant,
                         @Nullable String nis2MemberState, @Nullable ZoneId zone) {

        public Optional<ZoneId> ownZone() {
            return Optional.ofNullable(zone);
        }
    }

    /**
     * @param categories data groups exposed ({@link DataCategories#GROUPS})
     * @param highRisk whether the breach is likely to result in a high risk to people; null to infer it from the categories
     * @param encrypted whether the data were unintelligible to the thief (encrypted, keys safe)
     * @param unlikelyRisk whether the breach is unlikely to result in any risk (GDPR Art. 33(1))
     * @param riskMitigated whether later measures make the high risk no longer likely (Art. 34(3)(b))
     * @param disproportionateEffort whether telling each person would need disproportionate effort (Art. 34(3)(c))
     */
    public record PersonalData(boolean involved, Set<String> categories, @Nullable Boolean highRisk, boolean encrypted,
                               boolean unlikelyRisk, boolean riskMitigated, boolean disproportionateEffort) {

        public PersonalData {
            categories = Collections.unmodifiableSet(new TreeSet<>(categories));
        }

        public static PersonalData none() {
            return new PersonalData(false, Set.of(), null, false, false, false, false);
        }
    }
}
