package org.rebound.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum constant with a lower-case, hyphenated spelling used in files, JSON and URLs. */
public interface Coded {

    String id();

    static String idOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant spelled {@code id}, ignoring case, or empty. */
    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String id) {
        for (E constant : type.getEnumConstants()) {
            if (constant.id().equalsIgnoreCase(id.trim())) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** All spellings of {@code type}, for error messages: {@code "plant|logistics|office"}. */
    static <E extends Enum<E> & Coded> String spellings(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::id).collect(Collectors.joining("|"));
    }
}
