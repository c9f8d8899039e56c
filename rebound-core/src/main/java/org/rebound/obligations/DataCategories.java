package org.rebound.obligations;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The groups of personal data that notification laws distinguish, and how the categories found by
 * breach scoping fall into them. A facts file may name either a group ({@code financial}) or a
 * breach category ({@code iban}); both are read as the group.
 */
public final class DataCategories {

    /** The groups, in the order documented in docs/obligations.md. */
    public static final List<String> GROUPS = List.of("contact", "identity", "government-id", "financial",
            "payment-card", "credentials", "health", "biometric", "special-category", "vehicle", "online-identifier");

    private static final Map<String, String> GROUP_OF_BREACH_CATEGORY = breachCategories();

    /** Groups whose exposure makes a high risk to people likely (EDPB Guidelines 9/2022, examples). */
    static final Set<String> SENSITIVE = Set.of("government-id", "financial", "payment-card", "credentials", "health",
            "biometric", "special-category");

    /** Groups that make data "personal information" under US state breach laws (with a name or alone, for credentials). */
    static final Set<String> US_STATE_COVERED = Set.of("government-id", "financial", "payment-card", "credentials",
            "health", "biometric");

    private DataCategories() {
    }

    /** The group of a group id or a breach category id, or empty when it is neither. */
    public static Optional<String> groupOf(String category) {
        String id = category.trim().toLowerCase(Locale.ROOT);
        if (GROUPS.contains(id)) {
            return Optional.of(id);
        }
        return Optional.ofNullable(GROUP_OF_BREACH_CATEGORY.get(id));
    }

    /** The groups of breach categories, ignoring unknown ones; sorted. */
    public static Set<String> groupsOf(Collection<String> categories) {
        Set<String> groups = new TreeSet<>();
        for (String category : categories) {
            groupOf(category).ifPresent(groups::add);
        }
        return groups;
    }

    /**
     * The groups a model's free data label most likely holds ({@code data: [employee-pii,
     * supplier-bank-details]} on a system), by its words: "pii" counts as contact details, dates of birth
     * and government identifiers; "bank" or "iban" as financial; "card" as payment cards; and so on. A
     * label with no telling word gives no group.
     */
    public static Set<String> groupsOfModelLabel(String label) {
        String words = label.toLowerCase(Locale.ROOT);
        Set<String> groups = new TreeSet<>();
        if (words.contains("contact") || words.contains("customer") || words.contains("pii")) {
            groups.add("contact");
        }
        if (words.contains("pii") || words.contains("passport") || words.contains("national-id") || words.contains("ssn")
                || words.contains("nino")) {
            groups.add("government-id");
        }
        if (words.contains("pii") || words.contains("birth")) {
            groups.add("identity");
        }
        if (words.contains("bank") || words.contains("iban") || words.contains("account")) {
            groups.add("financial");
        }
        if (words.contains("card") || words.contains("payment")) {
            groups.add("payment-card");
        }
        if (words.contains("health") || words.contains("medical")) {
            groups.add("health");
        }
        if (words.contains("credential") || words.contains("password")) {
            groups.add("credentials");
        }
        return groups;
    }

    /**
     * A category (breach category id or group) in words for a letter to the person it is about:
     * {@code iban} is "your bank account number (IBAN)", {@code government-id} "your government
     * identification numbers"; an unknown id is returned as it is.
     */
    public static String toThePerson(String category) {
        return PERSONAL_WORDS.getOrDefault(category.trim().toLowerCase(Locale.ROOT), category);
    }

    /** A group in words for a report to an authority: {@code financial} is "bank account details". */
    public static String inReport(String group) {
        return REPORT_WORDS.getOrDefault(group, group);
    }

    private static final Map<String, String> PERSONAL_WORDS = Map.ofEntries(
            Map.entry("name", "your name"), Map.entry("email", "your e-mail address"), Map.entry("phone", "your phone number"),
            Map.entry("address", "your postal address"), Map.entry("postcode", "your postcode"),
            Map.entry("date-of-birth", "your date of birth"), Map.entry("national-id", "your national identification number"),
            Map.entry("passport", "your passport number"), Map.entry("driving-licence", "your driving licence number"),
            Map.entry("payment-card", "your payment card number"), Map.entry("iban", "your bank account number (IBAN)"),
            Map.entry("bank-account", "your bank account details"), Map.entry("vin", "your vehicle identification number (VIN)"),
            Map.entry("vehicle-registration", "your vehicle registration number"),
            Map.entry("ip-address", "IP addresses you connected from"), Map.entry("username", "your username"),
            Map.entry("credentials", "your login credentials"), Map.entry("health", "information about your health"),
            Map.entry("contact", "your contact details"), Map.entry("identity", "your date of birth"),
            Map.entry("government-id", "your government identification numbers"), Map.entry("financial", "your bank account details"),
            Map.entry("biometric", "biometric data about you"), Map.entry("special-category", "sensitive information about you"),
            Map.entry("vehicle", "your vehicle details"), Map.entry("online-identifier", "your online identifiers"));

    private static final Map<String, String> REPORT_WORDS = Map.ofEntries(
            Map.entry("contact", "contact details (names, e-mail addresses, phone numbers, postal addresses)"),
            Map.entry("identity", "dates of birth"),
            Map.entry("government-id", "government identifiers (national insurance or social security, passport and driving licence numbers)"),
            Map.entry("financial", "bank account details"), Map.entry("payment-card", "payment card numbers"),
            Map.entry("credentials", "login credentials"), Map.entry("health", "health data"), Map.entry("biometric", "biometric data"),
            Map.entry("special-category", "special categories of personal data (Art. 9 GDPR)"),
            Map.entry("vehicle", "vehicle identifiers (VINs and registrations)"),
            Map.entry("online-identifier", "online identifiers (IP addresses, usernames)"));

    private static Map<String, String> breachCategories() {
        Map<String, String> groups = new LinkedHashMap<>();
        for (String contact : List.of("name", "email", "phone", "address", "postcode")) {
            groups.put(contact, "contact");
        }
        groups.put("date-of-birth", "identity");
        for (String id : List.of("national-id", "passport", "driving-licence")) {
            groups.put(id, "government-id");
        }
        groups.put("iban", "financial");
        groups.put("bank-account", "financial");
        groups.put("vin", "vehicle");
        groups.put("vehicle-registration", "vehicle");
        groups.put("ip-address", "online-identifier");
        groups.put("username", "online-identifier");
        return Map.copyOf(groups);
    }
}
