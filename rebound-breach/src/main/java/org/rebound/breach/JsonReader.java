package org.rebound.breach;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON Lines, concatenated JSON objects and JSON arrays of objects, streamed. Each object is a row
 * whose columns are its flattened paths ({@code address.postcode}); an array of objects inside an
 * object is a data set of its own ({@code file#orders}), so one customer with many orders stays one
 * row per order rather than one row holding every order.
 */
final class JsonReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final InputReader.Extractors extractors;

    JsonReader(InputReader.Extractors extractors) {
        this.extractors = extractors;
    }

    void read(String name, Reader reader) throws IOException {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), reader)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    readArray(parser, name, "");
                } else if (token == JsonToken.START_OBJECT) {
                    readRow(parser, name);
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

    /** Reads one object, positioned on its START_OBJECT, as a row of {@code dataset}. */
    private void readRow(JsonParser parser, String dataset) throws IOException {
        long line = parser.currentTokenLocation().getLineNr();
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        readObject(parser, dataset, "", names, values);
        extractors.of(dataset).row(line, names.toArray(String[]::new), values.toArray(String[]::new));
    }

    private void readObject(JsonParser parser, String dataset, String prefix, List<String> names, List<String> values)
            throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String path = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            switch (value) {
                case START_OBJECT -> readObject(parser, dataset, path + ".", names, values);
                case START_ARRAY -> readArray(parser, dataset + "#" + path, path, names, values);
                case VALUE_NULL -> {
                }
                default -> {
                    names.add(path);
                    values.add(parser.getString());
                }
            }
        }
    }

    private void readArray(JsonParser parser, String dataset, String path) throws IOException {
        readArray(parser, dataset, path, new ArrayList<>(), new ArrayList<>());
    }

    /** Objects in the array become rows of {@code dataset}; scalars are values of {@code path}. */
    private void readArray(JsonParser parser, String dataset, String path, List<String> names, List<String> values)
            throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            switch (token) {
                case START_OBJECT -> readRow(parser, dataset);
                case START_ARRAY -> readArray(parser, dataset, path, names, values);
                case VALUE_NULL -> {
                }
                default -> {
                    names.add(path.isEmpty() ? "value" : path);
                    values.add(parser.getString());
                }
            }
        }
    }
}
