package org.rebound.breach;

import java.time.Duration;
import java.util.List;
import java.util.SortedMap;

/**
 * What a scan found, in numbers: people per category of data and per country of residence (a person
 * counts once in each of their categories and countries; {@code unknown} when no country was found),
 * records that exposed data without identifying anybody, the inputs that could not be read, and how
 * long reading the inputs and resolving the records into people took. Errors are ordered by file.
 */
public record ScanSummary(
        long people,
        long records,
        int filesScanned,
        SortedMap<String, Long> byCategory,
        SortedMap<String, Long> byCountry,
        SortedMap<String, Long> unattributed,
        List<ScanError> errors,
        Duration reading,
        Duration resolving) {

    /** An input that could not be read, and why. */
    public record ScanError(String file, String reason) implements java.io.Serializable {
    }

    public ScanSummary {
        byCategory = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byCategory));
        byCountry = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byCountry));
        unattributed = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(unattributed));
        errors = errors.stream().sorted(java.util.Comparator.comparing(ScanError::file)).toList();
    }
}
