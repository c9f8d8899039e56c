package org.rebound.breach;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Countries of residence as ISO 3166-1 alpha-2 codes, and US states as ISO 3166-2 codes
 * ({@code US-CA}): US breach laws count residents per state.
 */
final class Countries {

    private static final Map<String, String> BY_NAME = new HashMap<>();
    private static final Map<String, String> US_STATES = new HashMap<>();
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            BY_NAME.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            BY_NAME.put(key(country.getDisplayCountry(Locale.GERMAN)), code);
            BY_NAME.put(key(country.getDisplayCountry(Locale.FRENCH)), code);
            BY_NAME.put(key(country.getISO3Country()), code);
        }
        Map.of("uk", "GB", "greatbritain", "GB", "england", "GB", "scotland", "GB", "wales", "GB",
                "northernireland", "GB", "usa", "US", "unitedstatesofamerica", "US", "america", "US")
                .forEach(BY_NAME::put);
        String[][] states = {
            {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
            {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"DC", "District of Columbia"},
            {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"},
            {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"},
            {"ME", "Maine"}, {"MD", "Maryland"}, {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"},
            {"MS", "Mississippi"}, {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
            {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
            {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"},
            {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
            {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"},
            {"WA", "Washington"}, {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"},
            {"PR", "Puerto Rico"}, {"GU", "Guam"}, {"VI", "Virgin Islands"}};
        for (String[] state : states) {
            US_STATES.put(key(state[0]), state[0]);
            US_STATES.put(key(state[1]), state[0]);
        }
    }

    private Countries() {
    }

    /** The ISO code of a country written as a code or a name (English, German, French), or null. */
    static @Nullable String code(String value) {
        String trimmed = value.trim();
        if (trimmed.length() == 2 && CODES.contains(trimmed.toUpperCase(Locale.ROOT))) {
            String code = trimmed.toUpperCase(Locale.ROOT);
            return code.equals("UK") ? "GB" : code;
        }
        if (trimmed.equalsIgnoreCase("UK")) {
            return "GB";
        }
        return BY_NAME.get(key(trimmed));
    }

    /** {@code US-CA} for a US state written as a code or a name, or null. */
    static @Nullable String usState(String value) {
        String state = US_STATES.get(key(value));
        return state == null ? null : "US-" + state;
    }

    /** The residence to report: a US state when the country is the US and the state is known. */
    static @Nullable String residence(@Nullable String country, @Nullable String region) {
        if (region != null && (country == null || country.equals("US"))) {
            String state = usState(region);
            if (state != null && country != null) {
                return state;
            }
        }
        return country;
    }

    private static String key(String value) {
        return Field.normalHeader(value);
    }
}
