package org.rebound.obligations;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.rebound.model.Coded;

/** A test a rule makes of the facts, answering with the reason in words either way. */
sealed interface Condition {

    Verdict test(Situation situation);

    record Verdict(boolean holds, String reason) {
    }

    /** A yes/no fact of the incident. */
    enum Fact {
        PERSONAL_DATA(s -> s.facts.personalData().involved(),
                s -> "personal data are involved", s -> "no personal data are involved"),
        HIGH_RISK(Situation::highRisk, Situation::highRiskReason, Situation::highRiskReason),
        ENCRYPTED(s -> s.facts.personalData().encrypted(),
                s -> "the data were encrypted and the keys are safe (personal_data.encrypted)",
                s -> "the data were not encrypted"),
        UNLIKELY_RISK(s -> s.facts.personalData().unlikelyRisk(),
                s -> "the breach is assessed as unlikely to result in a risk to people (personal_data.unlikely_risk)",
                s -> "the breach is not assessed as unlikely to result in a risk to people"),
        RISK_MITIGATED(s -> s.facts.personalData().riskMitigated(),
                s -> "later measures make the high risk no longer likely (personal_data.risk_mitigated)",
                s -> "no measures recorded that remove the high risk"),
        DISPROPORTIONATE_EFFORT(s -> s.facts.personalData().disproportionateEffort(),
                s -> "telling each person would need disproportionate effort (personal_data.disproportionate_effort)",
                s -> "telling each person is not recorded as disproportionate effort"),
        SIGNIFICANT_INCIDENT(s -> s.facts.significantIncident(),
                s -> "the incident is significant (NIS2 Art. 23(3))",
                s -> "the incident is not recorded as significant under NIS2 Art. 23(3)"),
        SEC_REGISTRANT(s -> s.facts.entity().secRegistrant(),
                s -> s.facts.entity().name() + " is an SEC registrant",
                s -> s.facts.entity().name() + " is not an SEC registrant"),
        MATERIALITY_DETERMINED(s -> s.facts.materialityDeterminedAt() != null,
                s -> "the incident was determined to be material at " + s.facts.materialityDeterminedAt(),
                s -> "materiality has not been determined yet; the registrant must determine it without unreasonable"
                        + " delay after discovery (Item 1.05, Instruction 1), and that decision starts the clock");

        private final Predicate<Situation> holds;
        private final Function<Situation, String> whenTrue;
        private final Function<Situation, String> whenFalse;

        Fact(Predicate<Situation> holds, Function<Situation, String> whenTrue, Function<Situation, String> whenFalse) {
            this.holds = holds;
            this.whenTrue = whenTrue;
            this.whenFalse = whenFalse;
        }

        String key() {
            return Coded.idOf(this).replace('-', '_');
        }
    }

    record Is(Fact fact, boolean expected) implements Condition {
        @Override
        public Verdict test(Situation situation) {
            boolean actual = fact.holds.test(situation);
            String reason = (actual ? fact.whenTrue : fact.whenFalse).apply(situation);
            return new Verdict(actual == expected, reason);
        }
    }

    record Nis2In(Set<IncidentFacts.Nis2> levels) implements Condition {
        @Override
        public Verdict test(Situation situation) {
            IncidentFacts.Entity entity = situation.facts.entity();
            boolean holds = levels.contains(entity.nis2());
            return new Verdict(holds, entity.nis2() == IncidentFacts.Nis2.NONE
                    ? entity.name() + " is not in the scope of NIS2 (entity.nis2: none)"
                    : entity.name() + " is an " + entity.nis2().id() + " entity under NIS2");
        }
    }

    record EntityIn(String region) implements Condition {
        @Override
        public Verdict test(Situation situation) {
            IncidentFacts.Entity entity = situation.facts.entity();
            boolean holds = situation.places.inRegion(entity.country(), region);
            return new Verdict(holds, entity.name() + " is established in " + entity.country()
                    + (holds || region.equals(entity.country()) ? "" : ", outside the " + region));
        }
    }

    record AffectedIn(String region, long atLeast) implements Condition {
        @Override
        public Verdict test(Situation situation) {
            long people = situation.affectedIn(region);
            if (people == 0) {
                return new Verdict(false, "no affected people in " + region);
            }
            String place = region.startsWith("US-") ? "residents of " + region : "people in " + region;
            String detail = Set.of("EEA", "EU", "US").contains(region) ? " (" + situation.affectedBreakdown(region) + ")" : "";
            String counted = Situation.count(people) + " affected " + place + detail;
            if (people < atLeast) {
                return new Verdict(false, counted + ", fewer than the " + Situation.count(atLeast) + " that make it due");
            }
            return new Verdict(true, atLeast > 1
                    ? counted + ", at least the " + Situation.count(atLeast) + " that make it due" : counted);
        }
    }

    record CategoriesAny(Set<String> groups) implements Condition {
        @Override
        public Verdict test(Situation situation) {
            Set<String> exposed = situation.facts.personalData().categories();
            Set<String> matching = new TreeSet<>(exposed);
            matching.retainAll(groups);
            if (!matching.isEmpty()) {
                return new Verdict(true, String.join(", ", matching) + " data exposed");
            }
            return new Verdict(false, "no " + String.join(", ", new TreeSet<>(groups)) + " data exposed"
                    + (exposed.isEmpty() ? "" : " (exposed: " + String.join(", ", exposed) + ")"));
        }
    }

    record AnyOf(List<Condition> options) implements Condition {
        @Override
        public Verdict test(Situation situation) {
            List<Verdict> verdicts = options.stream().map(option -> option.test(situation)).toList();
            return verdicts.stream().filter(Verdict::holds).findFirst()
                    .orElseGet(() -> new Verdict(false, verdicts.stream().map(Verdict::reason)
                            .collect(Collectors.joining(" and "))));
        }
    }

    record Not(Condition negated) implements Condition {
        @Override
        public Verdict test(Situation situation) {
            Verdict inner = negated.test(situation);
            return new Verdict(!inner.holds(), inner.reason());
        }
    }
}
