package org.rebound.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Coded;

/**
 * Reads observables pasted in bulk: one per line, blank lines and {@code #} comments skipped. A line
 * may name its type ({@code sha256:9f86d0...}, {@code account:ALBION\svc_backup}); otherwise the type
 * is detected. Values are refanged and written canonically; repeats are counted, not kept twice.
 * Every line that cannot be read is reported with its number and why, so a paste can be refused as a
 * whole rather than half-stored.
 */
public final class ObservableParser {

    /** A line read as an observable. */
    public record Parsed(int line, Observable observable, boolean typeDetected) {
    }

    /** A line that is not a valid observable, and why. */
    public record Problem(int line, String text, String reason) {
    }

    /** What a paste held: distinct observables in order of first appearance, the lines refused, and repeats. */
    public record Result(List<Parsed> observables, List<Problem> problems, int repeats) {

        public Result {
            observables = List.copyOf(observables);
            problems = List.copyOf(problems);
        }

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private static final int MAX_LINE = 2_000;

    private ObservableParser() {
    }

    public static Result parse(String text) {
        Map<Observable, Parsed> distinct = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        int repeats = 0;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            if (line.length() > MAX_LINE) {
                problems.add(new Problem(number, line.substring(0, 80) + "...", "longer than " + MAX_LINE + " characters"));
                continue;
            }
            ReadOutcome outcome = read(line);
            if (outcome.problem() != null) {
                problems.add(new Problem(number, line, outcome.problem()));
            } else if (distinct.containsKey(outcome.observable())) {
                repeats++;
            } else {
                distinct.put(outcome.observable(), new Parsed(number, outcome.observable(), outcome.detected()));
            }
        }
        return new Result(new ArrayList<>(distinct.values()), problems, repeats);
    }

    /** One value, with its type given or detected: the observable, or why it is not one. */
    public static ReadOutcome read(String line) {
        int colon = line.indexOf(':');
        Optional<ObservableType> declared = colon > 0
                ? Coded.parse(ObservableType.class, line.substring(0, colon).replace('_', '-')) : Optional.empty();
        if (declared.isPresent()) {
            return read(declared.get(), line.substring(colon + 1));
        }
        String value = Defanging.refang(line.strip());
        return ObservableType.detect(value)
                .map(type -> new ReadOutcome(new Observable(type, type.canonical(value)), true, null))
                .orElseGet(() -> new ReadOutcome(null, false, "not a recognisable observable; put the type first, e.g. "
                        + "account:" + value + " (types: " + Coded.spellings(ObservableType.class) + ")"));
    }

    /** A value of a type the user chose. */
    public static ReadOutcome read(ObservableType type, String raw) {
        String value = Defanging.refang(raw.strip());
        if (!type.acceptsDeclared(value)) {
            return new ReadOutcome(null, false, "not a valid " + type.id() + expectation(type));
        }
        return new ReadOutcome(new Observable(type, type.canonical(value)), false, null);
    }

    private static String expectation(ObservableType type) {
        return switch (type) {
            case MD5 -> " (32 hexadecimal digits)";
            case SHA1 -> " (40 hexadecimal digits)";
            case SHA256 -> " (64 hexadecimal digits)";
            case PHONE_NUMBER -> " (international form, e.g. +44 20 7946 0000)";
            case CRYPTOCURRENCY_WALLET -> " (a Bitcoin address with a valid checksum, an Ethereum 0x address or a Monero address)";
            case REGISTRY_KEY -> " (starting with a hive such as HKLM\\ or HKEY_CURRENT_USER\\)";
            default -> "";
        };
    }

    /** The result of reading one value: exactly one of observable and problem is set. */
    public record ReadOutcome(@Nullable Observable observable, boolean detected, @Nullable String problem) {
    }
}
