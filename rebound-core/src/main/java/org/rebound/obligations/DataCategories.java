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

    static Set<String> acceptedSpellings() {
        Set<String> all = new TreeSet<>(GROUPS);
        all.addAll(GROUP_OF_BREACH_CATEGORY.keySet());
        return all;
    }

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
