package org.rebound.obligations.application;

import java.util.Arrays;
import java.util.Optional;
import org.rebound.model.Coded;

/**
 * The notice templates (in {@code src/main/resources/notices}): regulator reports, individual
 * letters (personalised per person at the mail merge through {@code {name}} and {@code {data_exposed}})
 * and updates for suppliers and dealers.
 */
public enum NoticeTemplate implements Coded {

    REGULATOR_BREACH_REPORT("Personal data breach notification", false),
    NIS2_EARLY_WARNING("NIS2 early warning", false),
    NIS2_NOTIFICATION("NIS2 incident notification", false),
    NIS2_FINAL_REPORT("NIS2 final report", false),
    SEC_8K_1_05("Form 8-K Item 1.05", false),
    INDIVIDUAL_US_NOTICE("Notice of Data Breach", true),
    INDIVIDUAL_GDPR_NOTICE("What happened to your personal data", true),
    SUPPLIER_UPDATE("Update for our suppliers", false),
    DEALER_UPDATE("Update for our dealers", false);

    private final String title;
    private final boolean letter;

    NoticeTemplate(String title, boolean letter) {
        this.title = title;
        this.letter = letter;
    }

    @Override
    public String id() {
        return this == SEC_8K_1_05 ? "sec-8k-1.05" : Coded.idOf(this);
    }

    public String title() {
        return title;
    }

    /** Whether it is a letter to each affected person, sent by mail merge. */
    public boolean letter() {
        return letter;
    }

    public static Optional<NoticeTemplate> parse(String id) {
        return Arrays.stream(values()).filter(template -> template.id().equals(id.strip())).findFirst();
    }

    /** The template that drafts the notice a rule asks for, if Rebound has one. */
    public static Optional<NoticeTemplate> forRule(String rule) {
        return Optional.ofNullable(switch (rule) {
            case "gdpr-art33", "uk-gdpr-art33" -> REGULATOR_BREACH_REPORT;
            case "nis2-early-warning" -> NIS2_EARLY_WARNING;
            case "nis2-notification" -> NIS2_NOTIFICATION;
            case "nis2-final-report" -> NIS2_FINAL_REPORT;
            case "sec-8k-1.05" -> SEC_8K_1_05;
            case "gdpr-art34", "uk-gdpr-art34" -> INDIVIDUAL_GDPR_NOTICE;
            default -> rule.startsWith("us-") ? INDIVIDUAL_US_NOTICE : null;
        });
    }
}
