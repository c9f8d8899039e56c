package org.rebound.model.io;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Estimate;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed access to a composed YAML (or JSON) tree. Every read records the node's position under its
 * field path and reports a problem, returning null, when the node is not of the expected shape.
 * Shared by the readers of every Rebound input file (models, incident facts).
 */
public final class NodeReader {

    private static final int MAX_CODE_POINTS = 512 * 1024 * 1024;


    private final String source;
    private final Problems problems;

    public NodeReader(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * The document of a YAML or JSON text, or empty after reporting why there is none (a syntax
     * error with its line and column, or an empty file).
     */
    public static Optional<Node> compose(String source, Reader text, Problems problems) throws IOException {
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(source)
                    .setCodePointLimit(MAX_CODE_POINTS)
                    .setAllowDuplicateKeys(true)
                    .build();
            Optional<Node> root = new Compose(settings).composeReader(text);
            if (root.isEmpty()) {
                problems.add(new ModelProblem(ModelProblem.Severity.ERROR, source, 1, 1, "", "the file is empty"));
            }
            return root;
        } catch (MarkedYamlEngineException syntax) {
            int line = syntax.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            int column = syntax.getProblemMark().map(mark -> mark.getColumn() + 1).orElse(0);
            problems.add(new ModelProblem(ModelProblem.Severity.ERROR, source, line, column, "",
                    "not valid YAML or JSON: " + syntax.getProblem()));
        } catch (YamlEngineException syntax) {
            problems.add(new ModelProblem(ModelProblem.Severity.ERROR, source, 0, 0, "",
                    "not valid YAML or JSON: " + syntax.getMessage()));
        }
        return Optional.empty();
    }

    public void place(String path, Node node) {
        node.getStartMark().ifPresent(mark ->
                problems.sourceMap().put(path, new SourceMap.Position(source, mark.getLine() + 1, mark.getColumn() + 1)));
    }

    /**
     * The entries of a mapping by key, rejecting duplicate keys and keys outside {@code allowed}
     * (with a suggestion for a near miss).
     */
    public @Nullable Map<String, Node> mapping(Node node, String path, Set<String> allowed) {
        return mapping(node, path, allowed::contains, allowed);
    }

    /**
     * The entries of a mapping whose keys are data (places, rule ids) rather than field names; the
     * caller checks each key. Duplicate keys are rejected.
     */
    public @Nullable Map<String, Node> entries(Node node, String path) {
        return mapping(node, path, key -> true, Set.of());
    }

    private @Nullable Map<String, Node> mapping(Node node, String path, Predicate<String> isAllowed, Set<String> allowed) {
        place(path, node);
        if (!(node instanceof MappingNode mapping)) {
            problems.error(path, "must be a mapping of fields, got " + describe(node));
            return null;
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                place(path + ".?", tuple.getKeyNode());
                problems.error(path + ".?", "field names must be plain words");
                continue;
            }
            String key = keyNode.getValue();
            String fieldPath = path.isEmpty() ? key : path + "." + key;
            if (!isAllowed.test(key)) {
                place(fieldPath, keyNode);
                problems.error(fieldPath, "unknown field '" + key + "'" + Suggestions.didYouMean(key, allowed)
                        + "; allowed: " + String.join(", ", allowed));
            } else if (entries.containsKey(key)) {
                place(fieldPath + "#duplicate", keyNode);
                problems.error(fieldPath + "#duplicate", "field '" + key + "' is given twice");
            } else {
                place(fieldPath, tuple.getValueNode());
                entries.put(key, tuple.getValueNode());
            }
        }
        return entries;
    }

    public @Nullable List<Node> sequence(Node node, String path) {
        place(path, node);
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (isNull(node)) {
            return List.of();
        }
        problems.error(path, "must be a list, got " + describe(node));
        return null;
    }

    public @Nullable String string(Node node, String path) {
        place(path, node);
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            String value = scalar.getValue().trim();
            if (value.isEmpty()) {
                problems.error(path, "must not be empty");
                return null;
            }
            return value;
        }
        problems.error(path, "must be a single value, got " + describe(node));
        return null;
    }

    /** An id: one word of letters, digits and {@code . _ : -}, as referenced elsewhere in the model. */
    public @Nullable String id(Node node, String path) {
        String value = string(node, path);
        if (value != null && !Ids.isValid(value)) {
            problems.error(path, "'" + value + "' is not a valid id: use letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
            return null;
        }
        return value;
    }

    /** A list of ids; a single id is taken as a list of one. Each element's position is recorded as {@code path[i]}. */
    public @Nullable List<String> idList(Node node, String path) {
        if (node instanceof ScalarNode && !isNull(node)) {
            String single = id(node, path + "[0]");
            return single == null ? null : List.of(single);
        }
        List<Node> items = sequence(node, path);
        if (items == null) {
            return null;
        }
        List<String> ids = new ArrayList<>(items.size());
        boolean complete = true;
        for (int i = 0; i < items.size(); i++) {
            String id = id(items.get(i), path + "[" + i + "]");
            if (id == null) {
                complete = false;
            } else {
                ids.add(id);
            }
        }
        return complete ? ids : null;
    }

    public @Nullable Boolean bool(Node node, String path) {
        place(path, node);
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT));
        }
        problems.error(path, "must be true or false, got " + describe(node));
        return null;
    }

    public @Nullable Double number(Node node, String path) {
        place(path, node);
        if (node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
            try {
                double value = Double.parseDouble(scalar.getValue().replace("_", ""));
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException malformed) {
                // reported below
            }
        }
        problems.error(path, "must be a number, got " + describe(node));
        return null;
    }

    public @Nullable Double nonNegative(Node node, String path) {
        Double value = number(node, path);
        if (value != null && value < 0) {
            problems.error(path, "must not be negative, got " + format(value));
            return null;
        }
        return value;
    }

    public @Nullable Integer integer(Node node, String path) {
        place(path, node);
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                return Integer.parseInt(scalar.getValue().replace("_", ""));
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        problems.error(path, "must be a whole number, got " + describe(node));
        return null;
    }

    public @Nullable Duration duration(Node node, String path) {
        String text = string(node, path);
        if (text == null) {
            return null;
        }
        var parsed = Durations.parse(text);
        if (parsed.isEmpty()) {
            problems.error(path, (text.startsWith("-") ? "negative duration '" : "malformed duration '") + text
                    + "': use whole numbers with units d, h, m, s, such as 8h, 2d, 30m or 1d12h");
            return null;
        }
        return parsed.get();
    }

    public @Nullable Instant instant(Node node, String path) {
        String text = string(node, path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            problems.error(path, "malformed instant '" + text + "': use ISO-8601 with a zone offset, such as 2025-09-01T06:00:00Z");
            return null;
        }
    }

    public @Nullable LocalTime localTime(Node node, String path) {
        String text = string(node, path);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException malformed) {
            problems.error(path, "malformed time of day '" + text + "': use HH:MM, such as 07:00");
            return null;
        }
    }

    public @Nullable ZoneId zone(Node node, String path) {
        String text = string(node, path);
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException unknown) {
            problems.error(path, "unknown time zone '" + text + "': use a region such as Europe/London, or UTC");
            return null;
        }
    }

    /** A duration ({@code 24h}) or a three-point estimate ({@code {min: 12h, likely: 24h, max: 72h}}). */
    public @Nullable Estimate estimate(Node node, String path) {
        if (!(node instanceof MappingNode)) {
            Duration exactly = duration(node, path);
            return exactly == null ? null : Estimate.exactly(exactly);
        }
        Map<String, Node> fields = mapping(node, path, Set.of("min", "likely", "max"));
        if (fields == null) {
            return null;
        }
        Duration min = null;
        Duration likely = null;
        Duration max = null;
        for (String key : List.of("min", "likely", "max")) {
            if (!fields.containsKey(key)) {
                problems.error(path, "a three-point estimate needs min, likely and max; '" + key + "' is missing");
            }
        }
        if (fields.containsKey("min")) min = duration(fields.get("min"), path + ".min");
        if (fields.containsKey("likely")) likely = duration(fields.get("likely"), path + ".likely");
        if (fields.containsKey("max")) max = duration(fields.get("max"), path + ".max");
        if (min == null || likely == null || max == null) {
            return null;
        }
        if (min.compareTo(likely) > 0 || likely.compareTo(max) > 0) {
            problems.error(path, "estimate must satisfy min <= likely <= max, got " + Durations.format(min) + ", "
                    + Durations.format(likely) + ", " + Durations.format(max));
            return null;
        }
        return new Estimate(min, likely, max);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
