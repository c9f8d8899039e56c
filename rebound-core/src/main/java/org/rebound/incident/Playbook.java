package org.rebound.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A list of tasks to start an incident with, such as the ransomware playbook: what to do, who
 * usually does it (a person or a team, or nobody yet) and how soon after the playbook is applied it is
 * due. Edited as text, one task per line: {@code title | assignee | due after}, e.g.
 * {@code Isolate the plants' networks | network | 1h}; the assignee and the due time may be left out.
 */
public record Playbook(String name, String description, List<Step> steps) {

    /** One task of a playbook. */
    public record Step(String title, @Nullable String assignee, @Nullable Duration dueAfter) {
    }

    /** A line of playbook text that is not a step, and why. */
    public record Problem(int line, String message) {
    }

    /** The steps read from text, or the lines that could not be read. */
    public record Parsed(List<Step> steps, List<Problem> problems) {
    }

    static final int MAX_TITLE = 200;
    private static final Pattern DURATION = Pattern.compile("(?i)(\\d+)\\s*(m|min|h|d|w)");

    public Playbook {
        steps = List.copyOf(steps);
    }

    /** The ransomware playbook Rebound ships, after the NCSC's and CISA's ransomware guidance. */
    public static Playbook ransomware() {
        try (InputStream in = Playbook.class.getResourceAsStream("playbooks/ransomware.txt")) {
            if (in == null) {
                throw new IllegalStateException("the ransomware playbook is missing from the build");
            }
            Parsed parsed = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!parsed.problems().isEmpty()) {
                throw new IllegalStateException("the shipped ransomware playbook does not read: " + parsed.problems());
            }
            return new Playbook("Ransomware", "The first days of a ransomware attack, after the NCSC's and CISA's guidance.",
                    parsed.steps());
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot read the ransomware playbook", failed);
        }
    }

    /** Reads steps, one per line; blank lines and lines starting with {@code #} are skipped. */
    public static Parsed parse(String text) {
        List<Step> steps = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\|", -1);
            String title = fields[0].strip();
            if (fields.length > 3) {
                problems.add(new Problem(i + 1, "at most three fields: title | assignee | due after"));
                continue;
            }
            if (title.isEmpty() || title.length() > MAX_TITLE) {
                problems.add(new Problem(i + 1, "a title of 1 to " + MAX_TITLE + " characters comes first"));
                continue;
            }
            String assignee = fields.length > 1 && !fields[1].isBlank() ? fields[1].strip() : null;
            Duration due = null;
            if (fields.length > 2 && !fields[2].isBlank()) {
                Matcher matcher = DURATION.matcher(fields[2].strip());
                if (!matcher.matches()) {
                    problems.add(new Problem(i + 1, "due after '" + fields[2].strip() + "' is not a duration such as 30m, 4h, 2d or 1w"));
                    continue;
                }
                due = duration(Long.parseLong(matcher.group(1)), matcher.group(2).toLowerCase(Locale.ROOT));
            }
            steps.add(new Step(title, assignee, due));
        }
        return new Parsed(steps, problems);
    }

    /** The steps as text that {@link #parse} reads back to the same steps. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            text.append(step.title());
            if (step.assignee() != null || step.dueAfter() != null) {
                text.append(" | ").append(step.assignee() == null ? "" : step.assignee());
            }
            if (step.dueAfter() != null) {
                text.append(" | ").append(format(step.dueAfter()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static Duration duration(long amount, String unit) {
        return switch (unit) {
            case "m", "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }

    static String format(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % (60 * 24) == 0) {
            return minutes / (60 * 24) + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }
}
