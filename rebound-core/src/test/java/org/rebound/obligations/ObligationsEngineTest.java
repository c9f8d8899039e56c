package org.rebound.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rebound.obligations.IncidentFacts.Entity;
import org.rebound.obligations.IncidentFacts.Nis2;
import org.rebound.obligations.IncidentFacts.PersonalData;

class ObligationsEngineTest {

    private static final ObligationsEngine ENGINE = ObligationsEngine.standard();
    private static final Instant AWARE = Instant.parse("2025-09-02T14:30:00Z");

    private static final Entity ALBION = new Entity("Albion Motors", "GB", Nis2.IMPORTANT, true, null, null);
    private static final PersonalData STOLEN_CUSTOMER_DATA =
            new PersonalData(true, Set.of("contact", "financial", "government-id"), true, false, false, false, false);
    private static final IncidentFacts ALBION_BREACH = new IncidentFacts(AWARE, null, ALBION, STOLEN_CUSTOMER_DATA,
            Map.of("GB", 120_000L, "DE", 5_000L, "US-CA", 700L, "US-TX", 40L), true,
            Instant.parse("2025-09-05T18:00:00Z"), Map.of());

    static Stream<Arguments> albionDeadlines() {
        return Stream.of(
                Arguments.of("nis2-early-warning", "2025-09-03T14:30:00Z", "2025-09-03T15:30+01:00[Europe/London]"),
                Arguments.of("gdpr-art33", "2025-09-05T14:30:00Z", "2025-09-05T16:30+02:00[Europe/Berlin]"),
                Arguments.of("uk-gdpr-art33", "2025-09-05T14:30:00Z", "2025-09-05T15:30+01:00[Europe/London]"),
                Arguments.of("nis2-notification", "2025-09-05T14:30:00Z", "2025-09-05T15:30+01:00[Europe/London]"),
                // four business days after Friday 5 September: Monday to Thursday, at EDGAR's 17:30 cut-off
                Arguments.of("sec-8k-1.05", "2025-09-11T21:30:00Z", "2025-09-11T17:30-04:00[America/New_York]"),
                Arguments.of("us-ca-1798.82", "2025-10-02T14:30:00Z", "2025-10-02T07:30-07:00[America/Los_Angeles]"),
                Arguments.of("nis2-final-report", "2025-10-05T14:30:00Z", "2025-10-05T15:30+01:00[Europe/London]"),
                // the California AG gets a sample within 15 days of the residents' notice
                Arguments.of("us-ca-1798.82-ag", "2025-10-17T14:30:00Z", "2025-10-17T07:30-07:00[America/Los_Angeles]"),
                Arguments.of("us-tx-521.053", "2025-11-01T14:30:00Z", "2025-11-01T09:30-05:00[America/Chicago]"));
    }

    @ParameterizedTest(name = "{0} is due at {1}")
    @MethodSource("albionDeadlines")
    void theAlbionBreachStartsEachClockTheLawSets(String rule, String deadline, String local) {
        Obligation obligation = find(ENGINE.evaluate(ALBION_BREACH, AWARE), rule);

        assertThat(obligation.status()).isEqualTo(ObligationStatus.DUE);
        assertThat(obligation.deadline()).isEqualTo(Instant.parse(deadline));
        assertThat(obligation.deadlineLocal()).contains(ZonedDateTime.parse(local));
    }

    @Test
    void openDutiesComeFirstByDeadlineThenThoseWithoutAFixedTimeThenTheOnesThatDoNotApply() {
        List<Obligation> obligations = ENGINE.evaluate(ALBION_BREACH, AWARE);

        List<String> triggered = obligations.stream().filter(Obligation::triggered).map(Obligation::rule).toList();
        assertThat(triggered).containsExactly("nis2-early-warning", "gdpr-art33", "uk-gdpr-art33", "nis2-notification",
                "sec-8k-1.05", "us-ca-1798.82", "nis2-final-report", "us-ca-1798.82-ag", "us-tx-521.053",
                "gdpr-art34", "uk-gdpr-art34");
        assertThat(obligations.subList(triggered.size(), obligations.size()))
                .allSatisfy(notTriggered -> assertThat(notTriggered.status()).isEqualTo(ObligationStatus.NOT_TRIGGERED));
        assertThat(obligations).extracting(Obligation::rule).containsAll(ENGINE.ruleIds());
    }

    @Test
    void aBritishControllerNotifiesTheAuthorityOfEachMemberStateWhoseResidentsAreAffected() {
        Obligation gdpr = find(ENGINE.evaluate(ALBION_BREACH, AWARE), "gdpr-art33");

        assertThat(gdpr.recipient()).isEqualTo("The supervisory authority of each member state with affected residents: "
                + "the competent German data protection authority (the Land authority or the BfDI) (Germany, 5,000 people)");
        assertThat(gdpr.why()).contains("personal data are involved", "5,000 affected people in EEA (DE 5,000)",
                "72 hours after awareness (2025-09-02T14:30:00Z)");
        assertThat(gdpr.content()).hasSize(4).first().asString().startsWith("Art. 33(3)(a)");
    }

    @Test
    void aControllerEstablishedInTheUnionNotifiesItsLeadAuthorityAndItsOwnCsirt() {
        IncidentFacts munich = new IncidentFacts(AWARE, null,
                new Entity("Albion Motors GmbH", "DE", Nis2.ESSENTIAL, false, null, null), STOLEN_CUSTOMER_DATA,
                Map.of("DE", 5_000L, "FR", 300L), true, null, Map.of());

        List<Obligation> obligations = ENGINE.evaluate(munich, AWARE);

        assertThat(find(obligations, "gdpr-art33").recipient())
                .isEqualTo("Lead supervisory authority: the competent German data protection authority (the Land authority or the BfDI) (Germany)");
        assertThat(find(obligations, "nis2-early-warning").recipient())
                .startsWith("Bundesamt für Sicherheit in der Informationstechnik (BSI) (Germany)");
        assertThat(find(obligations, "nis2-early-warning").deadlineLocal())
                .contains(ZonedDateTime.parse("2025-09-03T16:30+02:00[Europe/Berlin]"));
        assertThat(find(obligations, "uk-gdpr-art33").status()).isEqualTo(ObligationStatus.NOT_TRIGGERED);
        assertThat(find(obligations, "uk-gdpr-art33").why())
                .isEqualTo("Does not apply: Albion Motors GmbH is established in DE, outside the GB and no affected people in GB.");
    }

    @Test
    void seventyTwoHoursAreElapsedTimeSoTheLocalDeadlineMovesAnHourWhenSummerTimeEnds() {
        IncidentFacts beforeTheChange = new IncidentFacts(Instant.parse("2025-10-24T10:00:00Z"), null,
                new Entity("Albion Motors GmbH", "DE", Nis2.NONE, false, null, null), STOLEN_CUSTOMER_DATA,
                Map.of("DE", 10L), false, null, Map.of());

        Obligation gdpr = find(ENGINE.evaluate(beforeTheChange, beforeTheChange.awareAt()), "gdpr-art33");

        assertThat(gdpr.deadline()).isEqualTo(Instant.parse("2025-10-27T10:00:00Z"));
        assertThat(gdpr.deadlineLocal()).contains(ZonedDateTime.parse("2025-10-27T11:00+01:00[Europe/Berlin]"));
    }

    @Test
    void calendarDaysKeepTheLocalTimeAcrossTheEndOfDaylightSavingTime() {
        IncidentFacts californians = new IncidentFacts(Instant.parse("2025-10-20T17:00:00Z"), null, ALBION,
                STOLEN_CUSTOMER_DATA, Map.of("US-CA", 12L), false, null, Map.of());

        Obligation notice = find(ENGINE.evaluate(californians, californians.awareAt()), "us-ca-1798.82");

        assertThat(notice.deadlineLocal()).contains(ZonedDateTime.parse("2025-11-19T10:00-08:00[America/Los_Angeles]"));
        assertThat(notice.deadline()).isEqualTo(Instant.parse("2025-11-19T18:00:00Z"));
    }

    static Stream<Arguments> materialityDeterminations() {
        return Stream.of(
                Arguments.of("a Saturday starts the count on Monday", "2025-09-06T15:00:00Z", "2025-09-11"),
                Arguments.of("Independence Day is skipped", "2025-07-02T15:00:00Z", "2025-07-09"),
                Arguments.of("Thanksgiving is skipped", "2025-11-25T15:00:00Z", "2025-12-02"),
                Arguments.of("Christmas Eve 2024 was closed by executive order", "2024-12-20T15:00:00Z", "2024-12-30"),
                Arguments.of("the national day of mourning for President Carter", "2025-01-07T15:00:00Z", "2025-01-14"),
                Arguments.of("Inauguration Day closes the Commission", "2021-01-19T15:00:00Z", "2021-01-26"),
                Arguments.of("New Year's Day on a Saturday is observed the Friday before", "2021-12-30T15:00:00Z", "2022-01-06"),
                Arguments.of("the day is the Eastern one: Monday 22:00 EDT is Tuesday in UTC", "2025-09-09T02:00:00Z", "2025-09-12"),
                Arguments.of("the cut-off is 17:30 in winter too", "2025-12-01T15:00:00Z", "2025-12-05"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("materialityDeterminations")
    void form8kIsDueFourFederalBusinessDaysAfterTheDetermination(String why, String determinedAt, String dueDay) {
        IncidentFacts facts = new IncidentFacts(Instant.parse("2020-01-02T00:00:00Z"), null, ALBION,
                PersonalData.none(), Map.of(), false, Instant.parse(determinedAt), Map.of());

        Obligation filing = find(ENGINE.evaluate(facts, Instant.parse(determinedAt)), "sec-8k-1.05");

        ZonedDateTime local = filing.deadlineLocal().orElseThrow();
        assertThat(local.toLocalDate()).hasToString(dueDay);
        assertThat(local.toLocalTime()).hasToString("17:30");
        assertThat(local.getZone()).hasToString("America/New_York");
    }

    @Test
    void aRegistrantThatHasNotDeterminedMaterialityIsToldTheClockHasNotStarted() {
        IncidentFacts undecided = new IncidentFacts(AWARE, null, ALBION, STOLEN_CUSTOMER_DATA, Map.of("GB", 1L),
                false, null, Map.of());

        Obligation filing = find(ENGINE.evaluate(undecided, AWARE), "sec-8k-1.05");

        assertThat(filing.status()).isEqualTo(ObligationStatus.NOT_TRIGGERED);
        assertThat(filing.deadline()).isNull();
        assertThat(filing.why()).contains("materiality has not been determined yet");
    }

    @Test
    void lateAwarenessCountsFromAwarenessNotFromTheBreachAndShowsHowLateItIs() {
        IncidentFacts late = new IncidentFacts(AWARE, Instant.parse("2025-06-01T00:00:00Z"), ALBION,
                STOLEN_CUSTOMER_DATA, Map.of("GB", 120_000L), false, null, Map.of());

        Obligation ico = find(ENGINE.evaluate(late, Instant.parse("2025-09-06T16:45:00Z")), "uk-gdpr-art33");

        assertThat(ico.deadline()).isEqualTo(Instant.parse("2025-09-05T14:30:00Z"));
        assertThat(ico.status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(ico.why()).endsWith("Overdue by 26 h 15 min.");
        assertThat(ico.timing()).contains("reasons for the delay");
    }

    @Test
    void theFinalNis2ReportCountsFromTheActualSubmissionOfTheNotification() {
        IncidentFacts submitted = ALBION_BREACH.withDone("nis2-notification", Instant.parse("2025-09-04T10:00:00Z"));

        List<Obligation> obligations = ENGINE.evaluate(submitted, Instant.parse("2025-09-04T12:00:00Z"));

        Obligation notification = find(obligations, "nis2-notification");
        assertThat(notification.status()).isEqualTo(ObligationStatus.DONE);
        assertThat(notification.why()).endsWith("Done at 2025-09-04T10:00:00Z, 28 h 30 min before the deadline.");
        Obligation finalReport = find(obligations, "nis2-final-report");
        assertThat(finalReport.deadline()).isEqualTo(Instant.parse("2025-10-04T10:00:00Z"));
        assertThat(finalReport.provisional()).isFalse();
        assertThat(find(ENGINE.evaluate(ALBION_BREACH, AWARE), "nis2-final-report").provisional()).isTrue();
    }

    @Test
    void encryptedDataLiftTheDutyToTellPeopleButNotToTellTheAuthority() {
        PersonalData encrypted = new PersonalData(true, Set.of("contact", "government-id"), true, true, false, false, false);
        List<Obligation> obligations = ENGINE.evaluate(facts(ALBION, encrypted, Map.of("GB", 100L, "US-CA", 900L)), AWARE);

        assertThat(find(obligations, "uk-gdpr-art33").status()).isEqualTo(ObligationStatus.DUE);
        Obligation people = find(obligations, "uk-gdpr-art34");
        assertThat(people.status()).isEqualTo(ObligationStatus.NOT_TRIGGERED);
        assertThat(people.why()).startsWith("Exempt: UK GDPR Art. 34(3)(a)").contains("It would apply because");
        assertThat(find(obligations, "us-ca-1798.82").status()).isEqualTo(ObligationStatus.NOT_TRIGGERED);
        assertThat(find(obligations, "us-ca-1798.82").why()).contains("California's encryption safe harbour");
    }

    @Test
    void aBreachUnlikelyToHarmAnyoneIsRecordedButNotReported() {
        PersonalData harmless = new PersonalData(true, Set.of("contact"), false, false, true, false, false);

        Obligation ico = find(ENGINE.evaluate(facts(ALBION, harmless, Map.of("GB", 30L)), AWARE), "uk-gdpr-art33");

        assertThat(ico.status()).isEqualTo(ObligationStatus.NOT_TRIGGERED);
        assertThat(ico.why()).contains("record it in the breach log");
    }

    @Test
    void highRiskIsPresumedFromSensitiveDataWhenNoAssessmentIsRecorded() {
        PersonalData contactOnly = new PersonalData(true, Set.of("contact"), null, false, false, false, false);
        PersonalData withPassports = new PersonalData(true, Set.of("contact", "government-id"), null, false, false, false, false);

        Obligation contactNotice = find(ENGINE.evaluate(facts(ALBION, contactOnly, Map.of("GB", 30L)), AWARE), "uk-gdpr-art34");
        Obligation passportNotice = find(ENGINE.evaluate(facts(ALBION, withPassports, Map.of("GB", 30L)), AWARE), "uk-gdpr-art34");

        assertThat(contactNotice.status()).isEqualTo(ObligationStatus.NOT_TRIGGERED);
        assertThat(passportNotice.status()).isEqualTo(ObligationStatus.DUE);
        assertThat(passportNotice.why()).contains("a high risk to people is presumed because government-id data are exposed");
        assertThat(passportNotice.recipient()).isEqualTo("Affected individuals in the UK (30 people)");
    }

    static Stream<Arguments> stateRegulatorThresholds() {
        return Stream.of(
                Arguments.of("US-CA", 500L, "us-ca-1798.82-ag", false),
                Arguments.of("US-CA", 501L, "us-ca-1798.82-ag", true),
                Arguments.of("US-TX", 249L, "us-tx-521.053-ag", false),
                Arguments.of("US-TX", 250L, "us-tx-521.053-ag", true),
                Arguments.of("US-NY", 1L, "us-ny-899-aa-ag", true),
                Arguments.of("US-GA", 10_000L, "us-ga-breach-law", true));
    }

    @ParameterizedTest(name = "{1} residents of {0}: {2} triggered = {3}")
    @MethodSource("stateRegulatorThresholds")
    void stateRegulatorsAreToldFromTheNumberOfResidentsTheirLawSets(String state, long residents, String rule, boolean due) {
        List<Obligation> obligations = ENGINE.evaluate(facts(ALBION, STOLEN_CUSTOMER_DATA, Map.of(state, residents)), AWARE);

        assertThat(find(obligations, rule).triggered()).isEqualTo(due);
    }

    @Test
    void theTexasAttorneyGeneralHasThirtyDaysAndAStateWithoutAFixedTimeHasNoDeadline() {
        List<Obligation> obligations = ENGINE.evaluate(facts(ALBION, STOLEN_CUSTOMER_DATA,
                Map.of("US-TX", 300L, "US-GA", 300L)), AWARE);

        assertThat(find(obligations, "us-tx-521.053-ag").deadline()).isEqualTo(Instant.parse("2025-10-02T14:30:00Z"));
        Obligation georgia = find(obligations, "us-ga-breach-law");
        assertThat(georgia.deadline()).isNull();
        assertThat(georgia.why()).contains("No fixed deadline: in the most expedient time possible");
    }

    @Test
    void contactDetailsAloneDoNotTriggerUsStateLawsNorCardDataTheCardBrands() {
        PersonalData contactOnly = new PersonalData(true, Set.of("contact"), null, false, false, false, false);
        List<Obligation> obligations = ENGINE.evaluate(facts(ALBION, contactOnly, Map.of("US-CA", 5_000L)), AWARE);

        assertThat(find(obligations, "us-ca-1798.82").why()).contains("no biometric, credentials, financial,"
                + " government-id, health, payment-card data exposed (exposed: contact)");
        assertThat(find(obligations, "pci-dss-card-brands").status()).isEqualTo(ObligationStatus.NOT_TRIGGERED);
    }

    @Test
    void stolenCardNumbersMustBeReportedToTheCardBrandsWithinThreeDays() {
        PersonalData cards = new PersonalData(true, Set.of("contact", "payment-card"), null, false, false, false, false);

        Obligation brands = find(ENGINE.evaluate(facts(ALBION, cards, Map.of("GB", 10L)), AWARE), "pci-dss-card-brands");

        assertThat(brands.deadline()).isEqualTo(Instant.parse("2025-09-05T14:30:00Z"));
        assertThat(brands.zone()).hasToString("Europe/London");
    }

    @Test
    void anEntityOutsideNis2AndWithoutPersonalDataOwesNothing() {
        IncidentFacts quiet = new IncidentFacts(AWARE, null, new Entity("Albion Parts Ltd", "GB", Nis2.NONE, false, null, null),
                PersonalData.none(), Map.of(), true, null, Map.of());

        assertThat(ENGINE.evaluate(quiet, AWARE)).noneMatch(Obligation::triggered);
        assertThat(find(ENGINE.evaluate(quiet, AWARE), "nis2-early-warning").why())
                .isEqualTo("Does not apply: Albion Parts Ltd is not in the scope of NIS2 (entity.nis2: none).");
    }

    @Test
    void everyRuleNamesItsSourceAndWhatTheNoticeMustContain() {
        assertThat(ENGINE.ruleIds()).contains("gdpr-art33", "gdpr-art34", "uk-gdpr-art33", "nis2-early-warning",
                "nis2-notification", "nis2-final-report", "sec-8k-1.05", "us-ca-1798.82", "us-ca-1798.82-ag",
                "pci-dss-card-brands").doesNotHaveDuplicates();
        assertThat(ENGINE.evaluate(ALBION_BREACH, AWARE)).allSatisfy(obligation -> {
            assertThat(obligation.source()).isNotBlank();
            assertThat(obligation.content()).isNotEmpty();
            assertThat(obligation.timing()).isNotBlank();
        });
    }

    private static IncidentFacts facts(Entity entity, PersonalData data, Map<String, Long> affected) {
        return new IncidentFacts(AWARE, null, entity, data, affected, false, null, Map.of());
    }

    private static Obligation find(List<Obligation> obligations, String rule) {
        return obligations.stream().filter(obligation -> obligation.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no obligation " + rule));
    }

}
