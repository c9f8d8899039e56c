package org.rebound.breach;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
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
        DatasetExtractor extractor = extractors.of(name);
        LastCharacter tail = new LastCharacter(reader);
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(delimiter)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                // a stray character after a closing quote must not lose the rest of a stolen file
                .allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(tail)) {
            String[] header = null;
            String[] values = null;
            long line = 0;
            for (CsvRecord record : csv) {
                values = values(record);
                line = record.getStartingLineNumber();
                if (header == null) {
                    if (isHeader(values)) {
                        header = values;
                        continue;
                    }
                    header = positional(values.length);
                }
                if (values.length > header.length) {
                    header = widen(header, values.length);
                }
                extractor.row(line, header, values);
            }
            if (values != null && values[values.length - 1].indexOf('\n') >= 0 && tail.last != '"') {
                // The parser takes an unclosed quote to run to the end of the file, making the rest of it
                // the last field. Only a quoted field spans lines, and a closed one ends the file with a quote.
                throw new IOException("malformed delimited text: a quoted field in the row starting on line " + line
                        + " is never closed");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException malformed) {
            throw new IOException("malformed delimited text: " + malformed.getMessage()
                    + (malformed.getCause() != null ? ": " + malformed.getCause().getMessage() : ""), malformed);
        }
    }

    /** Remembers the last character read other than white space (line breaks, trailing blanks). */
    private static final class LastCharacter extends FilterReader {
        private char last;

        LastCharacter(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset + n - 1; i >= offset; i--) {
                if (!Character.isWhitespace(buffer[i])) {
                    last = buffer[i];
                    break;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && !Character.isWhitespace(c)) {
                last = (char) c;
            }
            return c;
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

    private static String[] values(CsvRecord record) {
        String[] values = new String[record.getFieldCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = record.getField(i);
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
