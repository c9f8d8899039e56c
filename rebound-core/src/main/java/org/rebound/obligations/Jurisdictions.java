package org.rebound.obligations;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The places notification laws distinguish: EEA member states with their supervisory and NIS2
 * authorities, US states with their breach laws, and the time zone in which each reads a deadline.
 */
final class Jurisdictions {

    record Member(String country, String name, boolean eu, String authority, String nis2Authority, ZoneId zone) {
    }

    /**
     * @param days calendar days after awareness to tell residents, or null for "without unreasonable delay"
     * @param regulatorAtLeast affected residents from which the regulator must be told, or null when never
     */
    record UsState(String code, String name, ZoneId zone, String rule, String statute, @Nullable Integer days,
                   String regulator, @Nullable Integer regulatorAtLeast, String regulatorTiming) {
    }

    private static final Map<String, ZoneId> OTHER_COUNTRY_ZONES = Map.ofEntries(
            Map.entry("GB", ZoneId.of("Europe/London")), Map.entry("US", ZoneId.of("America/New_York")),
            Map.entry("CH", ZoneId.of("Europe/Zurich")), Map.entry("CA", ZoneId.of("America/Toronto")),
            Map.entry("JP", ZoneId.of("Asia/Tokyo")), Map.entry("CN", ZoneId.of("Asia/Shanghai")),
            Map.entry("IN", ZoneId.of("Asia/Kolkata")), Map.entry("AU", ZoneId.of("Australia/Sydney")),
            Map.entry("BR", ZoneId.of("America/Sao_Paulo")), Map.entry("MX", ZoneId.of("America/Mexico_City")),
            Map.entry("ZA", ZoneId.of("Africa/Johannesburg")), Map.entry("SG", ZoneId.of("Asia/Singapore")),
            Map.entry("KR", ZoneId.of("Asia/Seoul")), Map.entry("TR", ZoneId.of("Europe/Istanbul")),
            Map.entry("AE", ZoneId.of("Asia/Dubai")));

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final Map<String, Member> members;
    private final Map<String, UsState> states;

    private Jurisdictions(Map<String, Member> members, Map<String, UsState> states) {
        this.members = members;
        this.states = states;
    }

    static Jurisdictions standard() {
        Map<String, Member> members = new LinkedHashMap<>();
        for (CSVRecord row : rows("eea.csv")) {
            members.put(row.get("country"), new Member(row.get("country"), row.get("name"),
                    Boolean.parseBoolean(row.get("eu")), row.get("authority"), row.get("nis2_authority"),
                    ZoneId.of(row.get("zone"))));
        }
        Map<String, UsState> states = new LinkedHashMap<>();
        for (CSVRecord row : rows("us-states.csv")) {
            states.put(row.get("state"), new UsState(row.get("state"), row.get("name"), ZoneId.of(row.get("zone")),
                    row.get("rule"), row.get("statute"), wholeNumber(row, "days"), row.get("regulator"),
                    wholeNumber(row, "regulator_at_least"), row.get("regulator_timing")));
        }
        return new Jurisdictions(Map.copyOf(members), states);
    }

    Optional<Member> member(String country) {
        return Optional.ofNullable(members.get(country));
    }

    List<UsState> usStates() {
        return List.copyOf(states.values());
    }

    Optional<UsState> usState(String code) {
        return Optional.ofNullable(states.get(code));
    }

    /** Whether {@code place} (a country code or a US state) is a place Rebound can reason about. */
    boolean isKnownPlace(String place) {
        return ISO_COUNTRIES.contains(place) || states.containsKey(place);
    }

    /**
     * Whether {@code place} lies in {@code region}: {@code EEA}, {@code EU}, a country code (which for
     * {@code US} includes its states) or a US state.
     */
    boolean inRegion(String place, String region) {
        return switch (region) {
            case "EEA" -> members.containsKey(place);
            case "EU" -> members.containsKey(place) && members.get(place).eu();
            case "US" -> place.equals("US") || states.containsKey(place);
            default -> place.equals(region);
        };
    }

    /** The time zone in which deadlines of {@code place} are read; UTC for places without one on record. */
    ZoneId zoneOf(String place) {
        if (members.containsKey(place)) {
            return members.get(place).zone();
        }
        if (states.containsKey(place)) {
            return states.get(place).zone();
        }
        return OTHER_COUNTRY_ZONES.getOrDefault(place, ZoneOffset.UTC);
    }

    private static @Nullable Integer wholeNumber(CSVRecord row, String column) {
        String value = row.get(column);
        return value.isBlank() ? null : Integer.valueOf(value);
    }

    private static List<CSVRecord> rows(String resource) {
        try (InputStream in = Jurisdictions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the obligations package");
            }
            Reader text = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).get();
            return new ArrayList<>(format.parse(text).getRecords());
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + resource, unreadable);
        }
    }
}
