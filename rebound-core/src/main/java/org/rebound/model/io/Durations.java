package org.rebound.model.io;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration notation of model files: a sequence of whole numbers with units {@code d}, {@code h},
 * {@code m} and {@code s} ({@code 8h}, {@code 2d}, {@code 30m}, {@code 1d12h}), or ISO-8601
 * ({@code PT8H}). Negative durations are not durations of work and are rejected.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d{1,9})([dhms])");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}[dhms])+");

    private Durations() {
    }

    /** The duration spelled {@code text}, or empty when it is not a valid, non-negative duration. */
    public static Optional<Duration> parse(String text) {
        String trimmed = text.trim();
        if (WHOLE.matcher(trimmed).matches()) {
            Duration total = Duration.ZERO;
            Matcher part = PART.matcher(trimmed);
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofSeconds(amount);
                });
            }
            return Optional.of(total);
        }
        if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
            try {
                Duration duration = Duration.parse(trimmed);
                return duration.isNegative() ? Optional.empty() : Optional.of(duration);
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The shortest spelling of {@code duration} in the model notation: {@code 1d12h}, {@code 30m}, {@code 0h}. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        if (duration.isZero()) {
            return "0h";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDays(), 'd');
        append(text, duration.toHoursPart(), 'h');
        append(text, duration.toMinutesPart(), 'm');
        append(text, duration.toSecondsPart(), 's');
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, char unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
