package org.rebound.breach;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON Lines, concatenated JSON objects and JSON arrays of objects, streamed. Each object is a row
 * whose columns are its flattened paths ({@code address.postcode}); an array of objects inside an
 * object is a data set of its own ({@code file#orders}), so one customer with many orders stays one
 * row per order rather than one row holding every order. Each such nested row also carries the
 * scalar columns of the objects it sits in (those it does not have itself), so that an order is
 * linked to its customer's e-mail or number and what it exposes is attributed to that person. A
 * top-level object is held until it ends, for its columns after a nested array: memory is bounded
 * by the largest single object, not the file.
 */
final class JsonReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final InputReader.Extractors extractors;

    JsonReader(InputReader.Extractors extractors) {
        this.extractors = extractors;
    }

    /** An object read whole: its scalar columns and the rows of the arrays of objects inside it. */
    private record Row(String dataset, long line, List<String> names, List<String> values, List<Row> nested) {
    }

    void read(String name, Reader reader) throws IOException {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), reader)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    readTopArray(parser, name);
                } else if (token == JsonToken.START_OBJECT) {
                    emit(readRow(parser, name), List.of(), List.of());
                } else {
                    throw new IOException("line " + parser.currentTokenLocation().getLineNr()
                            + ": expected a JSON object or array, found " + token);
                }
            }
        } catch (JacksonException malformed) {
            throw new IOException("malformed JSON at line " + malformed.getLocation().getLineNr()
                    + ", column " + malformed.getLocation().getColumnNr() + ": " + malformed.getOriginalMessage(), malformed);
        }
    }

    /** A top-level array, streamed: each object in it is emitted as soon as it ends; scalars are rows of one value. */
    private void readTopArray(JsonParser parser, String dataset) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            switch (token) {
                case START_OBJECT -> emit(readRow(parser, dataset), List.of(), List.of());
                case START_ARRAY -> readTopArray(parser, dataset);
                case VALUE_NULL -> {
                }
                default -> extractors.of(dataset).row(parser.currentTokenLocation().getLineNr(), new String[] {"value"},
                        new String[] {parser.getString()});
            }
        }
    }

    /** Emits a row with the columns it inherits, then its nested rows with its own columns added to what they inherit. */
    private void emit(Row row, List<String> inheritedNames, List<String> inheritedValues) {
        List<String> names = new ArrayList<>(row.names());
        List<String> values = new ArrayList<>(row.values());
        Set<String> own = new HashSet<>(names);
        for (int i = 0; i < inheritedNames.size(); i++) {
            if (own.add(inheritedNames.get(i))) {
                names.add(inheritedNames.get(i));
                values.add(inheritedValues.get(i));
            }
        }
        extractors.of(row.dataset()).row(row.line(), names.toArray(String[]::new), values.toArray(String[]::new));
        for (Row nested : row.nested()) {
            emit(nested, names, values);
        }
    }

    /** Reads one object, positioned on its START_OBJECT, as a row of {@code dataset}. */
    private Row readRow(JsonParser parser, String dataset) throws IOException {
        Row row = new Row(dataset, parser.currentTokenLocation().getLineNr(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        readObject(parser, "", row);
        return row;
    }

    private void readObject(JsonParser parser, String prefix, Row row) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String path = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            switch (value) {
                case START_OBJECT -> readObject(parser, path + ".", row);
                case START_ARRAY -> readArray(parser, row.dataset() + "#" + path, path, row.nested(), row);
                case VALUE_NULL -> {
                }
                default -> {
                    row.names().add(path);
                    row.values().add(parser.getString());
                }
            }
        }
    }

    /** Objects in an array inside {@code owner} become its nested rows of {@code dataset}; scalars are values of {@code path}. */
    private void readArray(JsonParser parser, String dataset, String path, List<Row> rows, Row owner) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            switch (token) {
                case START_OBJECT -> rows.add(readRow(parser, dataset));
                case START_ARRAY -> readArray(parser, dataset, path, rows, owner);
                case VALUE_NULL -> {
                }
                default -> {
                    owner.names().add(path);
                    owner.values().add(parser.getString());
                }
            }
        }
    }
}
