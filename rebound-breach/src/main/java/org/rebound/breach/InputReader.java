package org.rebound.breach;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads one input by its kind (named by its extension, else sniffed): archives are unpacked on the
 * fly and their members read in turn, structured formats become rows, anything else is text.
 */
final class InputReader {

    private final TextDetector detector;
    private final ColumnClassifier classifier;
    private final @Nullable Charset forcedEncoding;

    InputReader(TextDetector detector, ColumnClassifier classifier, @Nullable Charset forcedEncoding) {
        this.detector = detector;
        this.classifier = classifier;
        this.forcedEncoding = forcedEncoding;
    }

    void read(String name, InputStream in, RecordSink sink) throws IOException, UnreadableInputException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz") || lower.endsWith(".gzip")) {
            read(name.substring(0, name.lastIndexOf('.')), new GZIPInputStream(in, 1 << 16), sink);
        } else if (lower.endsWith(".tgz") || lower.endsWith(".tar") || lower.endsWith(".7z") || lower.endsWith(".rar")) {
            throw new UnreadableInputException("archive format not supported (use .zip or .gz)");
        } else if (lower.endsWith(".zip")) {
            readZip(name, in, sink);
        } else if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
            new XlsxReader(extractors(sink)).read(name, in);
        } else if (lower.endsWith(".xls")) {
            throw new UnreadableInputException("legacy Excel .xls is not supported: save the workbook as .xlsx");
        } else if (lower.endsWith(".pdf") || lower.endsWith(".docx") || lower.endsWith(".doc")) {
            throw new UnreadableInputException("document format not supported: export the text first");
        } else {
            readText(name, lower, in, sink);
        }
    }

    private void readZip(String name, InputStream in, RecordSink sink) throws IOException, UnreadableInputException {
        ZipInputStream zip = new ZipInputStream(in);
        boolean any = false;
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            any = true;
            if (!entry.isDirectory()) {
                read(name + "!/" + entry.getName(), new FilterInputStream(zip) {
                    @Override
                    public void close() {
                        // the next member follows in the same stream
                    }
                }, sink);
            }
        }
        if (!any) {
            throw new UnreadableInputException("not a readable zip archive (empty, encrypted or damaged)");
        }
    }

    private void readText(String name, String lower, InputStream raw, RecordSink sink)
            throws IOException, UnreadableInputException {
        BufferedInputStream in = raw instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(raw, 1 << 16);
        in.mark(64 * 1024);
        byte[] head = in.readNBytes(64 * 1024);
        in.reset();
        Encodings.Detected detected = Encodings.detect(head, head.length);
        Charset charset = forcedEncoding != null ? forcedEncoding : detected.charset();
        if (forcedEncoding == null && Encodings.looksBinary(head, head.length, charset)) {
            throw new UnreadableInputException("binary data, not a supported format");
        }
        in.skipNBytes(detected.bomLength());
        // the CSV and JSON parsers read large blocks of their own; the others read by character and line
        Reader decoded = new InputStreamReader(in, charset);
        String start = new String(head, detected.bomLength(), head.length - detected.bomLength(), charset);
        Extractors extractors = extractors(sink);
        if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")
                || (!isDelimitedName(lower) && startsLikeJson(start))) {
            new JsonReader(extractors).read(name, decoded);
        } else if (lower.endsWith(".sql") || lower.endsWith(".dump") || lower.endsWith(".pgsql") || startsLikeSql(start)) {
            new SqlDumpReader(extractors).read(name, new BufferedReader(decoded, 1 << 16));
        } else if (isDelimitedName(lower) || (!lower.endsWith(".log") && DelimitedReader.sniff(start) != null)) {
            Character delimiter = DelimitedReader.sniff(start);
            new DelimitedReader(extractors).read(name, decoded, delimiter == null ? defaultDelimiter(lower) : delimiter);
        } else {
            readLines(name, new BufferedReader(decoded, 1 << 16), extractors);
        }
        extractors.finish();
    }

    private static void readLines(String name, BufferedReader lines, Extractors extractors) throws IOException {
        DatasetExtractor extractor = extractors.of(name);
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            extractor.text(++number, line);
        }
    }

    private static boolean isDelimitedName(String lower) {
        return lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".psv") || lower.endsWith(".tab");
    }

    private static char defaultDelimiter(String lower) {
        return lower.endsWith(".tsv") || lower.endsWith(".tab") ? '\t' : lower.endsWith(".psv") ? '|' : ',';
    }

    private static boolean startsLikeJson(String start) {
        String trimmed = start.stripLeading();
        return trimmed.startsWith("{") || (trimmed.startsWith("[") && trimmed.substring(1).stripLeading().startsWith("{"));
    }

    private static boolean startsLikeSql(String start) {
        String upper = start.substring(0, Math.min(start.length(), 4096)).toUpperCase(Locale.ROOT);
        String first = upper.stripLeading();
        return upper.contains("MYSQL DUMP") || upper.contains("MARIADB DUMP") || upper.contains("POSTGRESQL DATABASE DUMP")
                || first.startsWith("INSERT INTO") || first.startsWith("CREATE TABLE");
    }

    private Extractors extractors(RecordSink sink) {
        return new Extractors(sink);
    }

    /** One {@link DatasetExtractor} per data set within an input (sheets, tables, nested JSON arrays). */
    final class Extractors {
        private final RecordSink sink;
        private final Map<String, DatasetExtractor> byDataset = new HashMap<>();

        private Extractors(RecordSink sink) {
            this.sink = sink;
        }

        DatasetExtractor of(String dataset) {
            return byDataset.computeIfAbsent(dataset, name -> new DatasetExtractor(name, sink, detector, classifier));
        }

        void finish() {
            byDataset.values().forEach(DatasetExtractor::finish);
        }
    }
}
