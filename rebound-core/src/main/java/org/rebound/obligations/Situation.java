package org.rebound.obligations;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The facts of one evaluation with the questions rules ask of them answered in words. */
final class Situation {

    final IncidentFacts facts;
    final Jurisdictions places;

    Situation(IncidentFacts facts, Jurisdictions places) {
        this.facts = facts;
        this.places = places;
    }

    long affectedIn(String region) {
        return facts.affected().entrySet().stream()
                .filter(count -> places.inRegion(count.getKey(), region))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** {@code "DE 5,000, FR 120"}: the places of {@code region} with affected people, most first. */
    String affectedBreakdown(String region) {
        return placesWithAffected(region).stream()
                .map(place -> place + " " + count(facts.affected().get(place)))
                .collect(Collectors.joining(", "));
    }

    List<String> placesWithAffected(String region) {
        List<String> found = new ArrayList<>();
        facts.affected().forEach((place, people) -> {
            if (people > 0 && places.inRegion(place, region)) {
                found.add(place);
            }
        });
        found.sort(Comparator.comparing((String place) -> facts.affected().get(place)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return found;
    }

    /** Whether a high risk to people is recorded, or presumed from the data exposed when nothing is recorded. */
    boolean highRisk() {
        Boolean recorded = facts.personalData().highRisk();
        return recorded != null ? recorded : !sensitiveGroups().isEmpty();
    }

    String highRiskReason() {
        Boolean recorded = facts.personalData().highRisk();
        if (recorded != null) {
            return recorded ? "the breach is likely to result in a high risk to people (personal_data.high_risk)"
                    : "the breach is recorded as not likely to result in a high risk to people (personal_data.high_risk: false)";
        }
        Set<String> sensitive = sensitiveGroups();
        return sensitive.isEmpty()
                ? "no high risk to people is recorded, nor presumed from the data exposed"
                : "a high risk to people is presumed because " + String.join(", ", sensitive)
                        + " data are exposed (set personal_data.high_risk to record the assessment)";
    }

    private Set<String> sensitiveGroups() {
        Set<String> sensitive = new TreeSet<>(facts.personalData().categories());
        sensitive.retainAll(DataCategories.SENSITIVE);
        return sensitive;
    }

    ZoneId entityZone() {
        return facts.entity().ownZone().orElseGet(() -> places.zoneOf(facts.entity().country()));
    }

    /** The EEA member state whose authority is addressed first: the entity's own, else the one with most people affected. */
    Jurisdictions.@Nullable Member leadMemberState() {
        var own = places.member(facts.entity().country());
        if (own.isPresent()) {
            return own.get();
        }
        List<String> affected = placesWithAffected("EEA");
        return affected.isEmpty() ? null : places.member(affected.get(0)).orElse(null);
    }

    String gdprAuthority() {
        var own = places.member(facts.entity().country());
        if (own.isPresent()) {
            return "Lead supervisory authority: " + own.get().authority() + " (" + own.get().name() + ")";
        }
        return "The supervisory authority of each member state with affected residents: "
                + placesWithAffected("EEA").stream()
                        .map(place -> places.member(place).orElseThrow())
                        .map(member -> member.authority() + " (" + member.name() + ", "
                                + count(facts.affected().get(member.country())) + " people)")
                        .collect(Collectors.joining("; "));
    }

    Jurisdictions.@Nullable Member nis2MemberState() {
        String chosen = facts.entity().nis2MemberState();
        if (chosen == null) {
            chosen = facts.entity().country();
        }
        return places.member(chosen).filter(Jurisdictions.Member::eu).orElse(null);
    }

    String nis2Authority() {
        Jurisdictions.Member member = nis2MemberState();
        if (member == null) {
            return "The CSIRT or competent authority of the member state where the entity's NIS2 representative is"
                    + " established (Art. 26(3)); record it as entity.nis2_member_state";
        }
        return member.nis2Authority() + " (" + member.name() + "), as CSIRT or competent authority";
    }

    static String count(long people) {
        return String.format(Locale.UK, "%,d", people);
    }
}
