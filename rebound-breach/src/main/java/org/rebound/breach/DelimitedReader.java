package org.rebound.breach;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Delimited text (CSV, TSV, semicolon- or pipe-separated) with quoted fields that may span lines.
 * The delimiter is the one that splits the first lines into the same number of fields; the first
 * row is a header unless it already holds personal data.
 */
final class DelimitedReader {

    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private final InputReader.Extractors extractors;

    DelimitedReader(InputReader.Extractors extractors) {
        this.extractors = extractors;
    }

    void read(String name, Reader reader, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .get();
        DatasetExtractor extractor = extractors.of(name);
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long line = parser.getCurrentLineNumber() + 1;
            if (!records.hasNext()) {
                return;
            }
            CSVRecord first = records.next();
            String[] header = values(first);
            boolean hasHeader = isHeader(header);
            if (!hasHeader) {
                String[] firstValues = header;
                header = positional(firstValues.length);
                extractor.row(line, header, firstValues);
            }
            line = parser.getCurrentLineNumber() + 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                String[] values = values(record);
                if (values.length > header.length) {
                    header = widen(header, values.length);
                }
                extractor.row(line, header, values);
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalStateException malformed) {
            throw new IOException("malformed delimited text: " + malformed.getMessage(), malformed);
        }
    }

    /** The delimiter that splits the first lines evenly, or null when none does. */
    static @Nullable Character sniff(String start) {
        List<String> lines = new ArrayList<>();
        for (String line : start.split("\r?\n", 22)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        if (lines.size() > 1 && lines.size() > 20) {
            lines = lines.subList(0, 20); // the last one may be cut short
        }
        Character best = null;
        int bestFields = 1;
        for (char candidate : CANDIDATES) {
            int fields = -1;
            int agreeing = 0;
            for (String line : lines) {
                int count = countOutsideQuotes(line, candidate) + 1;
                if (fields < 0) {
                    fields = count;
                }
                if (count == fields) {
                    agreeing++;
                }
            }
            boolean consistent = lines.size() == 1 ? fields > 1 : agreeing >= Math.max(2, lines.size() * 8 / 10);
            if (consistent && fields > bestFields) {
                best = candidate;
                bestFields = fields;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static boolean isHeader(String[] cells) {
        int texty = 0;
        for (String cell : cells) {
            String value = cell.trim();
            if (Identifiers.isEmail(value) || Identifiers.isPaymentCard(value) || Identifiers.isIban(value)
                    || Dates.parse(value, Dates.Order.UNKNOWN).isPresent() || Identifiers.isIpv4(value)) {
                return false;
            }
            if (!value.isEmpty() && !Character.isDigit(value.charAt(0)) && value.length() <= 60) {
                texty++;
            }
        }
        return texty * 2 >= cells.length;
    }

    private static String[] values(CSVRecord record) {
        String[] values = new String[record.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = record.get(i);
        }
        return values;
    }

    private static String[] positional(int columns) {
        String[] header = new String[columns];
        for (int i = 0; i < columns; i++) {
            header[i] = "column " + (i + 1);
        }
        return header;
    }

    private static String[] widen(String[] header, int columns) {
        String[] wider = java.util.Arrays.copyOf(header, columns);
        for (int i = header.length; i < columns; i++) {
            wider[i] = "column " + (i + 1);
        }
        return wider;
    }
}
