package org.rebound.breach;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Scans files and folders for personal data and writes the affected-people register.
 *
 * <p>Inputs are read in parallel, one file per thread. What each file yields is spooled to
 * {@code OUT/.rebound-scan/} and committed only when the file has been read to the end, so a scan that
 * is interrupted and run again with the same inputs and output skips the files it had finished. A
 * file that cannot be read is listed with its reason in the summary; the scan goes on. When every
 * input has been read, the records are resolved into people and the register written; the spool is
 * then removed.
 */
public final class BreachScanner {

    /** Tunables; {@code encoding} null means detect per file. */
    public record Options(int threads, @Nullable Charset encoding) {

        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), null);
        }
    }

    /** Told how far the scan is; called from scanning threads, often. */
    public interface Progress {
        void update(long bytesRead, long bytesTotal, int filesDone, int filesTotal);

        Progress NONE = (bytesRead, bytesTotal, filesDone, filesTotal) -> { };
    }

    private static final String WORK_DIRECTORY = ".rebound-scan";
    private static final long PEOPLE_PER_BUCKET = 500_000;

    private final Options options;
    private final TextDetector detector = new TextDetector();
    private final ColumnClassifier classifier = new ColumnClassifier();

    public BreachScanner(Options options) {
        this.options = options;
    }

    /** Scans {@code inputs} (files or folders) and writes the register and summary into {@code out}. */
    public ScanSummary scan(List<Path> inputs, Path out, Progress progress) throws IOException {
        List<ScanSummary.ScanError> errors = Collections.synchronizedList(new ArrayList<>());
        List<Input> files = expand(inputs, out, errors);
        Spool spool = new Spool(out.resolve(WORK_DIRECTORY));
        long started = System.nanoTime();
        readAll(files, spool, errors, progress);
        Duration reading = Duration.ofNanos(System.nanoTime() - started);
        ScanSummary summary = resolve(spool, out, files.size(), errors, reading);
        RegisterFiles.writeSummary(out, summary);
        deleteRecursively(spool.directory());
        return summary;
    }

    /**
     * The records of one input (a file of any kind this scanner reads, or an archive), as they are
     * found; for engines that schedule the inputs themselves, such as the Spark job.
     *
     * @throws IOException naming the reason when the input cannot be read
     */
    public void readRecords(String name, InputStream in, java.util.function.Consumer<PersonRecord> sink) throws IOException {
        try {
            new InputReader(detector, classifier, options.encoding()).read(name, in, sink::accept);
        } catch (UnreadableInputException unreadable) {
            throw new IOException(unreadable.getMessage(), unreadable);
        }
    }

    private record Input(Path path, String name, long size, String segment) {
    }

    /** The files under {@code inputs}, without the output folder (a register must not scan itself). */
    private static List<Input> expand(List<Path> inputs, Path out, List<ScanSummary.ScanError> errors) throws IOException {
        Path output = out.toAbsolutePath().normalize();
        List<Input> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                errors.add(new ScanSummary.ScanError(input.toString(), "no such file or folder"));
                continue;
            }
            List<Path> found;
            try (Stream<Path> walk = Files.walk(input)) {
                found = walk.filter(Files::isRegularFile)
                        .filter(path -> !path.toAbsolutePath().normalize().startsWith(output))
                        .sorted().toList();
            }
            for (Path file : found) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                String identity = file.toAbsolutePath().normalize() + "|" + attributes.size() + "|"
                        + attributes.lastModifiedTime().toMillis();
                long[] hash = KeyHash.of(identity);
                files.add(new Input(file, file.toString(), attributes.size(),
                        String.format("%016x%016x", hash[0], hash[1])));
            }
        }
        return files;
    }

    private void readAll(List<Input> files, Spool spool, List<ScanSummary.ScanError> errors, Progress progress)
            throws IOException {
        long total = files.stream().mapToLong(Input::size).sum();
        AtomicLong bytesRead = new AtomicLong();
        AtomicInteger filesDone = new AtomicInteger();
        List<Input> largestFirst = new ArrayList<>(files);
        largestFirst.sort(Comparator.comparingLong(Input::size).reversed());
        InputReader reader = new InputReader(detector, classifier, options.encoding());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "rebound-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (Input file : largestFirst) {
                tasks.add(pool.submit(() -> {
                    if (!spool.hasSegment(file.segment())) {
                        readOne(reader, file, spool, errors, bytesRead, total, filesDone, files.size(), progress);
                    } else {
                        bytesRead.addAndGet(file.size());
                    }
                    progress.update(bytesRead.get(), total, filesDone.incrementAndGet(), files.size());
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted; run it again with the same --out to resume", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            if (failed.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(failed.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void readOne(InputReader reader, Input file, Spool spool, List<ScanSummary.ScanError> errors,
            AtomicLong bytesRead, long total, AtomicInteger filesDone, int fileCount, Progress progress)
            throws IOException {
        try (Spool.Segment segment = spool.segment(file.segment());
                InputStream in = new CountingInputStream(Files.newInputStream(file.path()), counted -> {
                    progress.update(bytesRead.addAndGet(counted), total, filesDone.get(), fileCount);
                })) {
            reader.read(file.name(), in, segment);
            segment.commit();
        } catch (UnreadableInputException unreadable) {
            errors.add(new ScanSummary.ScanError(file.name(), unreadable.getMessage()));
        } catch (NoSuchFileException vanished) {
            errors.add(new ScanSummary.ScanError(file.name(), "file disappeared during the scan"));
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof IOException io && isOutOfSpace(io)) {
                throw io;
            }
            errors.add(new ScanSummary.ScanError(file.name(), reason(unreadable)));
        }
    }

    private static boolean isOutOfSpace(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("No space left on device");
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        String message = cause.getMessage();
        if (cause instanceof java.util.zip.ZipException || cause instanceof java.io.EOFException) {
            return "damaged or truncated archive: " + (message == null ? cause.getClass().getSimpleName() : message);
        }
        if (cause instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    private ScanSummary resolve(Spool spool, Path out, int filesScanned, List<ScanSummary.ScanError> errors,
            Duration reading) throws IOException {
        long started = System.nanoTime();
        try (IdentityResolver resolver = new IdentityResolver(spool.directory(), spool.countIdentifying())) {
            spool.forEachKeys(hashes -> {
                if (hashes != null) {
                    resolver.add(hashes);
                }
            });
            return resolved(resolver, spool, out, filesScanned, errors, reading, started);
        }
    }

    private ScanSummary resolved(IdentityResolver resolver, Spool spool, Path out, int filesScanned,
            List<ScanSummary.ScanError> errors, Duration reading, long started) throws IOException {
        resolver.finish();
        int buckets = (int) Math.max(1, (resolver.records() + PEOPLE_PER_BUCKET - 1) / PEOPLE_PER_BUCKET);
        Map<Category, Long> unattributed = new EnumMap<>(Category.class);
        long[] records = {0};
        // One more pass over the spool sorts the records into buckets of person-key ranges, so that each
        // bucket's people fit in memory and the buckets in order give the register sorted by person key.
        Path bucketRoot = spool.directory().resolve("people");
        List<Spool.Segment> bucketWriters = new ArrayList<>(buckets);
        for (int bucket = 0; bucket < buckets; bucket++) {
            bucketWriters.add(new Spool(bucketRoot.resolve(String.format("%05d", bucket))).segment("people"));
        }
        int[] ordinal = {0};
        spool.forEachRaw((hashes, record) -> {
            records[0]++;
            if (hashes != null) {
                long person = resolver.personOf(ordinal[0]++);
                bucketWriters.get(bucketOf(person, buckets)).writeRaw(record, new long[] {person});
            } else {
                record.categories().forEach(category -> unattributed.merge(category, 1L, Long::sum));
            }
        });
        for (Spool.Segment writer : bucketWriters) {
            writer.commit();
            writer.close();
        }
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        Map<String, Long> byCountry = new HashMap<>();
        long people = 0;
        try (RegisterFiles.Writer writer = new RegisterFiles.Writer(out)) {
            for (int bucket = 0; bucket < buckets; bucket++) {
                Path directory = bucketRoot.resolve(String.format("%05d", bucket));
                Map<Long, PersonAggregate> aggregates = new HashMap<>();
                new Spool(directory).forEachWithKeys((person, record) ->
                        aggregates.computeIfAbsent(person[0], PersonAggregate::new).add(record));
                List<PersonAggregate> ordered = new ArrayList<>(aggregates.values());
                aggregates.clear();
                ordered.sort((a, b) -> Long.compareUnsigned(a.personKey(), b.personKey()));
                for (PersonAggregate aggregate : ordered) {
                    AffectedPerson person = aggregate.toPerson();
                    writer.write(person);
                    people++;
                    person.categories().forEach(category -> byCategory.merge(category, 1L, Long::sum));
                    if (person.countries().isEmpty()) {
                        byCountry.merge("unknown", 1L, Long::sum);
                    }
                    person.countries().forEach(country -> byCountry.merge(country, 1L, Long::sum));
                }
                deleteRecursively(directory);
            }
        }
        return new ScanSummary(people, records[0], filesScanned, ids(byCategory), new TreeMap<>(byCountry),
                ids(unattributed), errors, reading, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Buckets split the person keys into ascending ranges, so the register comes out sorted. */
    private static int bucketOf(long personKey, int buckets) {
        return (int) (((personKey >>> 32) * buckets) >>> 32);
    }

    private static TreeMap<String, Long> ids(Map<Category, Long> counts) {
        TreeMap<String, Long> byId = new TreeMap<>();
        counts.forEach((category, count) -> byId.put(category.id(), count));
        return byId;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Reports the bytes read from the raw file, before decompression or decoding. */
    private static final class CountingInputStream extends FilterInputStream {
        private static final long REPORT_EVERY = 4 << 20;
        private final java.util.function.LongConsumer report;
        private long unreported;

        CountingInputStream(InputStream in, java.util.function.LongConsumer report) {
            super(in);
            this.report = report;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            unreported += n;
            if (unreported >= REPORT_EVERY) {
                report.accept(unreported);
                unreported = 0;
            }
        }

        @Override
        public void close() throws IOException {
            report.accept(unreported);
            unreported = 0;
            super.close();
        }
    }
}
