package org.rebound.model.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.rebound.model.Coded;
import org.rebound.model.EnterpriseSystem;
import org.rebound.model.Estimate;
import org.rebound.model.Recovery;
import org.rebound.model.SystemKind;

/**
 * Reads systems and their dependencies from a CMDB export in CSV. The columns are those of a system
 * in the model file ({@code id, name, site, kind, skill, depends_on, data, triage, restore, validate});
 * header names are matched ignoring case, spaces and hyphens, and columns Rebound does not know are
 * ignored with a warning. Lists within a cell are separated by {@code ;} or {@code |}.
 */
final class CmdbCsvReader {

    static final Set<String> COLUMNS = new LinkedHashSet<>(List.of(
            "id", "name", "site", "kind", "skill", "depends_on", "data", "triage", "restore", "validate"));

    private final String source;
    private final Problems problems;
    private final Set<String> brokenIds;

    /** Rows with a problem are left out, and their ids added to {@code brokenIds} as {@code systems:<id>}. */
    CmdbCsvReader(String source, Problems problems, Set<String> brokenIds) {
        this.source = source;
        this.problems = problems;
        this.brokenIds = brokenIds;
    }

    List<EnterpriseSystem> read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        List<EnterpriseSystem> systems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, String> columns = columns(parser.getHeaderNames());
            if (!columns.containsKey("id")) {
                place("cmdb", 1);
                problems.error("cmdb", source + " has no 'id' column; its header must name the columns "
                        + String.join(", ", COLUMNS));
                return List.of();
            }
            var records = parser.iterator();
            while (true) {
                long startLine = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (Arrays.stream(record.values()).allMatch(String::isBlank)) {
                    continue;
                }
                EnterpriseSystem system = system(record, columns, (int) startLine);
                if (system != null) {
                    systems.add(system);
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException malformed) {
            place("cmdb", 1);
            problems.error("cmdb", "malformed CSV: " + malformed.getMessage());
        }
        return systems;
    }

    /** Maps normalised column names to the header as written. */
    private Map<String, String> columns(List<String> header) {
        Map<String, String> columns = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (String name : header) {
            String normalised = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
            if (COLUMNS.contains(normalised)) {
                columns.put(normalised, name);
            } else {
                ignored.add(name);
            }
        }
        if (!ignored.isEmpty()) {
            place("cmdb.header", 1);
            problems.warning("cmdb.header", "ignoring columns Rebound does not read: " + String.join(", ", ignored));
        }
        return columns;
    }

    private @Nullable EnterpriseSystem system(CSVRecord record, Map<String, String> columns, int line) {
        String rowPath = "cmdb[line " + line + "]";
        for (String column : COLUMNS) {
            place(rowPath + "." + column, line);
        }
        place(rowPath, line);
        boolean broken = false;
        String id = cell(record, columns, "id");
        if (id.isEmpty() || !Ids.isValid(id)) {
            problems.error(rowPath + ".id", id.isEmpty() ? "missing id" : "'" + id + "' is not a valid id");
            return null;
        }
        String path = "systems[" + id + "]";
        for (String column : COLUMNS) {
            place(path + "." + column, line);
        }
        place(path, line);
        String name = cell(record, columns, "name");
        String site = cell(record, columns, "site");
        String kindText = cell(record, columns, "kind");
        SystemKind kind = SystemKind.OTHER;
        if (!kindText.isEmpty()) {
            var parsed = Coded.parse(SystemKind.class, kindText);
            if (parsed.isEmpty()) {
                problems.error(path + ".kind", "unknown kind '" + kindText + "'; expected one of " + Coded.spellings(SystemKind.class));
                broken = true;
            } else {
                kind = parsed.get();
            }
        }
        String skill = cell(record, columns, "skill");
        List<String> dependsOn = list(cell(record, columns, "depends_on"));
        List<String> data = list(cell(record, columns, "data"));
        Recovery recovery = null;
        if (columns.containsKey("triage") || columns.containsKey("restore") || columns.containsKey("validate")) {
            Estimate triage = estimate(record, columns, "triage", path);
            Estimate restore = estimate(record, columns, "restore", path);
            Estimate validate = estimate(record, columns, "validate", path);
            if (triage == null || restore == null || validate == null) {
                broken = true;
            } else if (!(triage.max().isZero() && restore.max().isZero() && validate.max().isZero())) {
                recovery = new Recovery(triage, restore, validate);
            }
        }
        for (String reference : concat(dependsOn, site.isEmpty() ? List.of() : List.of(site))) {
            if (!Ids.isValid(reference)) {
                problems.error(path, "'" + reference + "' is not a valid id");
                broken = true;
            }
        }
        if (broken) {
            brokenIds.add("systems:" + id);
            return null;
        }
        return new EnterpriseSystem(id, name.isEmpty() ? id : name, site.isEmpty() ? null : site, kind,
                skill.isEmpty() ? null : skill, recovery, dependsOn, data);
    }

    private @Nullable Estimate estimate(CSVRecord record, Map<String, String> columns, String column, String path) {
        String text = cell(record, columns, column);
        if (text.isEmpty()) {
            return Estimate.exactly(java.time.Duration.ZERO);
        }
        var parsed = Durations.parse(text);
        if (parsed.isEmpty()) {
            problems.error(path + "." + column, "malformed duration '" + text + "': use e.g. 8h, 2d, 30m");
            return null;
        }
        return Estimate.exactly(parsed.get());
    }

    private static String cell(CSVRecord record, Map<String, String> columns, String column) {
        String header = columns.get(column);
        if (header == null || !record.isSet(header)) {
            return "";
        }
        return record.get(header).trim();
    }

    private static List<String> list(String cell) {
        if (cell.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(cell.split("[;|]")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private void place(String path, int line) {
        problems.sourceMap().put(path, new SourceMap.Position(source, line, 1));
    }
}
