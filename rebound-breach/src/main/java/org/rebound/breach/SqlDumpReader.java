package org.rebound.breach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL dumps from MySQL/MariaDB ({@code mysqldump}) and PostgreSQL ({@code pg_dump}, with
 * {@code INSERT} statements or the default {@code COPY ... FROM stdin} blocks). Each table is a data
 * set; its columns come from the INSERT's column list or the table's CREATE TABLE. Statements are
 * read one at a time, so memory is bounded by the largest statement.
 */
final class SqlDumpReader {

    private static final Pattern CREATE = Pattern.compile(
            "(?is)CREATE\\s+(?:TEMPORARY\\s+|UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([^\\s(]+)\\s*\\((.*)\\)[^)]*");
    private static final Pattern INSERT = Pattern.compile(
            "(?is)(?:INSERT|REPLACE)\\s+(?:LOW_PRIORITY\\s+|DELAYED\\s+|HIGH_PRIORITY\\s+|IGNORE\\s+)*(?:INTO\\s+)?([^\\s(]+)\\s*(?:\\(([^)]*)\\))?\\s*VALUES\\s*");
    private static final Pattern COPY = Pattern.compile(
            "(?is)COPY\\s+([^\\s(]+)\\s*(?:\\(([^)]*)\\))?\\s*FROM\\s+stdin.*");
    private static final Pattern CONSTRAINT = Pattern.compile(
            "(?i)(?:PRIMARY|KEY|UNIQUE|CONSTRAINT|INDEX|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE|LIKE)\\b.*", Pattern.DOTALL);

    private final InputReader.Extractors extractors;
    private final Map<String, String[]> columnsByTable = new HashMap<>();
    private BufferedReader in;
    private long line = 1;
    private String name = "";

    SqlDumpReader(InputReader.Extractors extractors) {
        this.extractors = extractors;
    }

    void read(String name, Reader reader) throws IOException {
        this.name = name;
        this.in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        while (true) {
            skipSpaceAndComments();
            long start = line;
            String statement = readStatement();
            if (statement == null) {
                return;
            }
            try {
                handle(statement, start);
            } catch (IOException malformed) {
                throw new IOException("line " + start + ": " + malformed.getMessage(), malformed);
            }
        }
    }

    private void handle(String statement, long start) throws IOException {
        Matcher m = INSERT.matcher(statement);
        if (m.lookingAt()) {
            String table = unquote(m.group(1));
            String[] columns = m.group(2) != null ? columns(m.group(2)) : columnsByTable.get(table);
            readTuples(statement, m.end(), start, table, columns);
            return;
        }
        m = CREATE.matcher(statement);
        if (m.matches()) {
            columnsByTable.put(unquote(m.group(1)), definedColumns(m.group(2)));
            return;
        }
        m = COPY.matcher(statement);
        if (m.matches()) {
            String table = unquote(m.group(1));
            String[] columns = m.group(2) != null ? columns(m.group(2)) : columnsByTable.get(table);
            readCopy(table, columns);
        }
    }

    private void readTuples(String statement, int from, long startLine, String table, String[] columns) throws IOException {
        DatasetExtractor extractor = extractors.of(name + "#" + table);
        int position = from;
        long tupleLine = startLine + newlines(statement, 0, from);
        while (position < statement.length()) {
            char c = statement.charAt(position);
            if (c == '(') {
                List<String> values = new ArrayList<>();
                int end = readTuple(statement, position + 1, values);
                String[] names = columns != null ? columns : positional(values.size());
                extractor.row(tupleLine, names, values.toArray(String[]::new));
                tupleLine += newlines(statement, position, end);
                position = end;
            } else {
                if (c == '\n') {
                    tupleLine++;
                }
                position++;
            }
        }
    }

    /** Reads values up to the closing parenthesis; returns the position after it. */
    private static int readTuple(String s, int position, List<String> values) throws IOException {
        while (position < s.length()) {
            while (position < s.length() && Character.isWhitespace(s.charAt(position))) {
                position++;
            }
            StringBuilder value = new StringBuilder();
            boolean isNull = false;
            int quote = position;
            while (quote < s.length() && Character.isLetter(s.charAt(quote)) && s.charAt(quote) != 'N') {
                quote++; // string prefixes: E'..', _utf8'..', _binary '..'
            }
            if (position < s.length() && s.charAt(position) == 'N' && position + 1 < s.length() && s.charAt(position + 1) == '\'') {
                quote = position + 1;
            }
            if (quote < s.length() && s.charAt(quote) == '\'') {
                position = readQuoted(s, quote + 1, value);
            } else {
                int depth = 0;
                while (position < s.length()) {
                    char c = s.charAt(position);
                    if (depth == 0 && (c == ',' || c == ')')) {
                        break;
                    }
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                    value.append(c);
                    position++;
                }
                String raw = value.toString().trim();
                isNull = raw.equalsIgnoreCase("NULL");
                value.setLength(0);
                value.append(raw);
            }
            while (position < s.length() && Character.isWhitespace(s.charAt(position))) {
                position++;
            }
            values.add(isNull ? "" : value.toString());
            if (position >= s.length()) {
                throw new IOException("unterminated VALUES tuple");
            }
            char separator = s.charAt(position++);
            if (separator == ')') {
                return position;
            }
            if (separator != ',') {
                throw new IOException("unexpected '" + separator + "' in VALUES tuple");
            }
        }
        throw new IOException("unterminated VALUES tuple");
    }

    private static int readQuoted(String s, int position, StringBuilder value) throws IOException {
        while (position < s.length()) {
            char c = s.charAt(position++);
            if (c == '\\' && position < s.length()) {
                char escaped = s.charAt(position++);
                value.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> escaped;
                });
            } else if (c == '\'') {
                if (position < s.length() && s.charAt(position) == '\'') {
                    value.append('\'');
                    position++;
                } else {
                    return position;
                }
            } else {
                value.append(c);
            }
        }
        throw new IOException("unterminated string in VALUES tuple");
    }

    private void readCopy(String table, String[] columns) throws IOException {
        DatasetExtractor extractor = extractors.of(name + "#" + table);
        for (String row = readLine(); row != null; row = readLine()) {
            if (row.equals("\\.")) {
                return;
            }
            String[] fields = row.split("\t", -1);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].equals("\\N") ? "" : unescapeCopy(fields[i]);
            }
            extractor.row(line - 1, columns != null ? columns : positional(fields.length), fields);
        }
        throw new IOException("COPY data for " + table + " ends without its \\. terminator");
    }

    private static String unescapeCopy(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char escaped = field.charAt(++i);
                out.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> escaped;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String[] definedColumns(String body) {
        List<String> names = new ArrayList<>();
        for (String definition : splitTopLevel(body)) {
            String trimmed = definition.trim();
            if (!trimmed.isEmpty() && !CONSTRAINT.matcher(trimmed).matches()) {
                names.add(unquote(trimmed.split("\\s+", 2)[0]));
            }
        }
        return names.toArray(String[]::new);
    }

    private static String[] columns(String list) {
        return splitTopLevel(list).stream().map(String::trim).map(SqlDumpReader::unquote).toArray(String[]::new);
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

    private static String unquote(String identifier) {
        return identifier.replace("`", "").replace("\"", "").replace("[", "").replace("]", "");
    }

    private static String[] positional(int columns) {
        String[] names = new String[columns];
        for (int i = 0; i < columns; i++) {
            names[i] = "column " + (i + 1);
        }
        return names;
    }

    private static long newlines(String s, int from, int to) {
        long count = 0;
        for (int i = from; i < to && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    // --- character input with line counting

    private int peek() throws IOException {
        in.mark(1);
        int c = in.read();
        in.reset();
        return c;
    }

    private int next() throws IOException {
        int c = in.read();
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private String readLine() throws IOException {
        String row = in.readLine();
        if (row != null) {
            line++;
        }
        return row;
    }

    private void skipSpaceAndComments() throws IOException {
        while (true) {
            int c = peek();
            if (c == -1) {
                return;
            }
            if (Character.isWhitespace(c)) {
                next();
            } else if (c == '-' || c == '#' || c == '/') {
                in.mark(2);
                int first = in.read();
                int second = in.read();
                in.reset();
                if (first == '#' || (first == '-' && second == '-')) {
                    readLine();
                } else if (first == '/' && second == '*') {
                    next();
                    next();
                    int previous = 0;
                    for (int d = next(); d != -1 && !(previous == '*' && d == '/'); d = next()) {
                        previous = d;
                    }
                } else {
                    return;
                }
            } else {
                return;
            }
        }
    }

    /** The next statement without its semicolon, or null at the end of the dump. */
    private String readStatement() throws IOException {
        StringBuilder statement = new StringBuilder();
        char quote = 0;
        for (int c = next(); c != -1; c = next()) {
            if (quote != 0) {
                statement.append((char) c);
                if (c == '\\' && quote == '\'') {
                    int escaped = next();
                    if (escaped != -1) {
                        statement.append((char) escaped);
                    }
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == ';') {
                // the COPY data starts on the next line
                if (peek() == '\r') {
                    next();
                }
                if (peek() == '\n') {
                    next();
                }
                return statement.toString();
            } else {
                if (c == '\'' || c == '"' || c == '`') {
                    quote = (char) c;
                }
                statement.append((char) c);
            }
        }
        String rest = statement.toString().trim();
        if (rest.isEmpty()) {
            return null;
        }
        if (quote != 0) {
            throw new IOException("line " + line + ": unterminated quoted text at the end of the dump");
        }
        return rest;
    }
}
