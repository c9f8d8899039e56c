package org.rebound.breach;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.MinimalPrettyPrinter;

/**
 * The register files: {@code affected-people.csv} (multi-valued fields joined with {@code "; "},
 * sources as {@code file:line}), {@code affected-people.json} (an array of person objects, one per
 * line) and {@code scan-summary.json}. The field names are a public contract.
 */
public final class RegisterFiles {

    public static final String CSV = "affected-people.csv";
    public static final String JSON = "affected-people.json";
    public static final String SUMMARY = "scan-summary.json";
    static final String[] COLUMNS = {"person_key", "names", "emails", "phones", "categories", "countries", "sources"};
    private static final JsonFactory FACTORY = new JsonFactory();
    /** Compact objects, each on its own line of the top-level array, so the file reads and diffs by person. */
    private static final ObjectWriteContext ONE_PERSON_PER_LINE = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new MinimalPrettyPrinter() {
                @Override
                public void writeStartArray(JsonGenerator g) {
                    g.writeRaw(g.streamWriteContext().inRoot() ? "[\n" : "[");
                }

                @Override
                public void writeArrayValueSeparator(JsonGenerator g) {
                    g.writeRaw(g.streamWriteContext().getNestingDepth() == 1 ? ",\n" : ",");
                }

                @Override
                public void writeEndArray(JsonGenerator g, int values) {
                    g.writeRaw(g.streamWriteContext().getNestingDepth() == 0 ? "\n]\n" : "]");
                }
            };
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private RegisterFiles() {
    }

    /** Writes both register files as people arrive, in the order they arrive. */
    static final class Writer implements AutoCloseable {
        /** Tells the JSON thread that no more people come. */
        private static final AffectedPerson END = new AffectedPerson("end", List.of(), List.of(), List.of(), Set.of(),
                List.of(), List.of());

        private final CSVPrinter csv;
        private final JsonGenerator json;
        private final java.io.Writer jsonOut;
        // the JSON file is written on a thread of its own: writing both files is most of building a register
        private final java.util.concurrent.BlockingQueue<AffectedPerson> forJson = new java.util.concurrent.ArrayBlockingQueue<>(4096);
        private final Thread jsonThread;
        private volatile @Nullable RuntimeException jsonFailure;

        Writer(Path directory) throws IOException {
            Files.createDirectories(directory);
            csv = new CSVPrinter(Files.newBufferedWriter(directory.resolve(CSV), StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get());
            jsonOut = Files.newBufferedWriter(directory.resolve(JSON), StandardCharsets.UTF_8);
            json = FACTORY.createGenerator(ONE_PERSON_PER_LINE, jsonOut);
            json.writeStartArray();
            jsonThread = new Thread(this::writeJson, "rebound-register-json");
            jsonThread.setDaemon(true);
            jsonThread.start();
        }

        void write(AffectedPerson person) throws IOException {
            csv.printRecord(person.personKey(), String.join("; ", person.names()), String.join("; ", person.emails()),
                    String.join("; ", person.phones()), String.join("; ", person.categoryIds()),
                    String.join("; ", person.countries()),
                    String.join("; ", person.sources().stream().map(Source::toString).toList()));
            hand(person);
        }

        private void hand(AffectedPerson person) throws IOException {
            try {
                while (!forJson.offer(person, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                    if (!jsonThread.isAlive()) {
                        throw new IOException("writing " + JSON + " failed", jsonFailure);
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the register", interrupted);
            }
        }

        private void writeJson() {
            try {
                for (AffectedPerson person = forJson.take(); person != END; person = forJson.take()) {
                    writePerson(json, person);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failed) {
                jsonFailure = failed;
            }
        }

        @Override
        public void close() throws IOException {
            hand(END);
            try {
                jsonThread.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the register", interrupted);
            }
            if (jsonFailure != null) {
                throw new IOException("writing " + JSON + " failed", jsonFailure);
            }
            json.writeEndArray();
            json.close();
            jsonOut.close();
            csv.close();
        }
    }

    /** One person as one line of JSON, the form of each element of {@code affected-people.json}. */
    public static String personJson(AffectedPerson person) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            writePerson(json, person);
        }
        return out.toString();
    }

    private static void writePerson(JsonGenerator json, AffectedPerson person) {
        json.writeStartObject();
        json.writeStringProperty("person_key", person.personKey());
        array(json, "names", person.names());
        array(json, "emails", person.emails());
        array(json, "phones", person.phones());
        array(json, "categories", person.categoryIds());
        array(json, "countries", person.countries());
        json.writeArrayPropertyStart("sources");
        for (Source source : person.sources()) {
            json.writeStartObject();
            json.writeStringProperty("file", source.file());
            json.writeNumberProperty("line", source.line());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void array(JsonGenerator json, String name, List<String> values) {
        json.writeArrayPropertyStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** Reads a register written by {@link Writer}. */
    public static List<AffectedPerson> readJson(Path file) throws IOException {
        List<AffectedPerson> people = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), reader)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(file.getFileName() + ": not a register: expected the array of people that rebound scan writes"
                        + " (affected-people.json)");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.START_OBJECT; token = parser.nextToken()) {
                people.add(readPerson(parser, file));
            }
        } catch (tools.jackson.core.JacksonException malformed) {
            var at = malformed.getLocation();
            throw new IOException(file.getFileName() + ": not a register: " + (at == null ? "" : "line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": ") + malformed.getOriginalMessage(), malformed);
        }
        return people;
    }

    private static AffectedPerson readPerson(JsonParser parser, Path file) throws IOException {
        String key = null;
        List<String> names = List.of();
        List<String> emails = List.of();
        List<String> phones = List.of();
        Set<Category> categories = EnumSet.noneOf(Category.class);
        List<String> countries = List.of();
        List<Source> sources = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "person_key" -> key = parser.getString();
                case "names" -> names = strings(parser);
                case "emails" -> emails = strings(parser);
                case "phones" -> phones = strings(parser);
                case "categories" -> {
                    for (String id : strings(parser)) {
                        categories.add(Category.byId(id).orElseThrow(
                                () -> new IOException(file.getFileName() + ": unknown category '" + id + "'")));
                    }
                }
                case "countries" -> countries = strings(parser);
                case "sources" -> {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        String sourceFile = null;
                        long line = 0;
                        while (parser.nextToken() != JsonToken.END_OBJECT) {
                            String sourceField = parser.currentName();
                            parser.nextToken();
                            if (sourceField.equals("file")) {
                                sourceFile = parser.getString();
                            } else if (sourceField.equals("line")) {
                                line = parser.getLongValue();
                            }
                        }
                        sources.add(new Source(sourceFile == null ? "" : sourceFile, line));
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (key == null) {
            throw new IOException(file.getFileName() + ": a person without person_key");
        }
        return new AffectedPerson(key, names, emails, phones, categories, countries, sources);
    }

    private static List<String> strings(JsonParser parser) {
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(parser.getString());
        }
        return values;
    }

    /** The summary as JSON: the body of {@code scan-summary.json} and of {@code rebound scan --json}. */
    public static String summaryJson(ScanSummary summary) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(PRETTY, out)) {
            json.writeStartObject();
            json.writeNumberProperty("people", summary.people());
            json.writeNumberProperty("records", summary.records());
            json.writeNumberProperty("files_scanned", summary.filesScanned());
            counts(json, "by_category", summary.byCategory());
            counts(json, "by_country", summary.byCountry());
            counts(json, "unattributed_by_category", summary.unattributed());
            json.writeArrayPropertyStart("errors");
            for (ScanSummary.ScanError error : summary.errors()) {
                json.writeStartObject();
                json.writeStringProperty("file", error.file());
                json.writeStringProperty("reason", error.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectPropertyStart("seconds");
            json.writeNumberProperty("reading", summary.reading().toMillis() / 1000.0);
            json.writeNumberProperty("resolving", summary.resolving().toMillis() / 1000.0);
            json.writeEndObject();
            json.writeEndObject();
        }
        return out + System.lineSeparator();
    }

    private static void counts(JsonGenerator json, String name, Map<String, Long> counts) {
        json.writeObjectPropertyStart(name);
        counts.forEach(json::writeNumberProperty);
        json.writeEndObject();
    }

    static void writeSummary(Path directory, ScanSummary summary) {
        try (BufferedWriter writer = Files.newBufferedWriter(directory.resolve(SUMMARY), StandardCharsets.UTF_8)) {
            writer.write(summaryJson(summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
