package org.rebound.breach.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.rebound.breach.AffectedPerson;
import org.rebound.breach.BreachScanner;
import org.rebound.breach.IdentityResolver;
import org.rebound.breach.PersonRecord;
import org.rebound.breach.RegisterFiles;
import org.rebound.breach.ScanSummary;
import scala.Tuple2;

/**
 * The breach scan as a Spark job. Every file of the inputs (any Hadoop-compatible path: local, HDFS,
 * S3 with the right connector) is read by one task with the same readers and detectors as
 * {@code rebound scan}; the records are merged into people by connected components over their shared
 * identity keys (label propagation from each key's smallest record), and each person is named with the
 * same person key the single-machine scan gives, so the two registers can be compared row by row.
 *
 * <p>Usage: {@code spark-submit --class org.rebound.breach.spark.SparkBreachScan rebound-spark.jar OUT INPUT...};
 * writes {@code OUT/people} (one person per line, the JSON of {@code affected-people.json}) and
 * {@code OUT/errors} (the inputs that could not be read, with the reason).
 */
public final class SparkBreachScan {

    /** What the job found: the people ordered by person key, the number of records, and unreadable inputs by file. */
    public record Result(JavaRDD<AffectedPerson> people, long records, List<ScanSummary.ScanError> errors) {
    }

    private record FileRecords(String file, List<PersonRecord> records, String error) implements Serializable {
    }

    private static final int MAX_ITERATIONS = 100;

    private SparkBreachScan() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: SparkBreachScan OUT INPUT...");
            System.exit(1);
        }
        SparkConf conf = new SparkConf().setAppName("Rebound breach scan");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            List<String> inputs = List.of(args).subList(1, args.length);
            Result result = scan(spark, inputs);
            result.people().map(RegisterFiles::personJson).saveAsTextFile(args[0] + "/people");
            spark.parallelize(result.errors(), 1).map(error -> error.file() + "\t" + error.reason()).saveAsTextFile(args[0] + "/errors");
            System.out.println(result.people().count() + " people in " + result.records() + " records; "
                    + result.errors().size() + " inputs not scanned");
        }
    }

    /** Scans every file under {@code inputs} (folders are read recursively). */
    public static Result scan(JavaSparkContext spark, List<String> inputs) {
        spark.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true");
        JavaPairRDD<String, PortableDataStream> files = spark.binaryFiles(String.join(",", inputs),
                Math.max(2, spark.defaultParallelism()));
        JavaRDD<FileRecords> read = files.map(file -> readFile(file._1(), file._2())).cache();
        List<ScanSummary.ScanError> errors = read.filter(file -> file.error() != null)
                .map(file -> new ScanSummary.ScanError(file.file(), file.error())).collect().stream()
                .sorted(java.util.Comparator.comparing(ScanSummary.ScanError::file)).toList();
        JavaRDD<PersonRecord> records = read.flatMap(file -> file.records().iterator());
        long recordCount = records.count();

        JavaPairRDD<Long, PersonRecord> identified = records.filter(PersonRecord::identifiesSomebody)
                .zipWithUniqueId().mapToPair(Tuple2::swap).cache();
        JavaPairRDD<Long, Long> components = components(identified);
        JavaPairRDD<Long, Long> personKeys = identified
                .mapToPair(record -> new Tuple2<>(record._1(), IdentityResolver.smallest(IdentityResolver.hashes(record._2()))))
                .join(components)
                .mapToPair(joined -> new Tuple2<>(joined._2()._2(), joined._2()._1()))
                .reduceByKey((a, b) -> Long.compareUnsigned(a, b) <= 0 ? a : b)
                .mapValues(IdentityResolver::personKey);
        JavaRDD<AffectedPerson> people = identified.join(components)
                .mapToPair(joined -> new Tuple2<>(joined._2()._2(), joined._2()._1()))
                .groupByKey()
                .join(personKeys)
                .map(person -> AffectedPerson.merge(person._2()._2(), person._2()._1()))
                .sortBy(person -> person.personKey(), true, Math.max(1, spark.defaultParallelism()));
        return new Result(people, recordCount, errors);
    }

    /**
     * Each identified record's component: the smallest record id reachable through shared keys. Each key
     * links its records to the smallest of them; labels then flow along those links until none changes.
     */
    static JavaPairRDD<Long, Long> components(JavaPairRDD<Long, PersonRecord> identified) {
        JavaPairRDD<Tuple2<Long, Long>, Long> byKey = identified.flatMapToPair(record -> {
            long[] hashes = IdentityResolver.hashes(record._2());
            List<Tuple2<Tuple2<Long, Long>, Long>> keys = new ArrayList<>();
            if (!IdentityResolver.isOwnKey(hashes)) {
                for (int i = 0; i < hashes.length; i += 2) {
                    keys.add(new Tuple2<>(new Tuple2<>(hashes[i], hashes[i + 1]), record._1()));
                }
            }
            return keys.iterator();
        });
        JavaPairRDD<Long, Long> links = byKey.groupByKey().flatMapToPair(key -> {
            long smallest = Long.MAX_VALUE;
            for (long id : key._2()) {
                smallest = Math.min(smallest, id);
            }
            List<Tuple2<Long, Long>> star = new ArrayList<>();
            for (long id : key._2()) {
                if (id != smallest) {
                    star.add(new Tuple2<>(id, smallest));
                    star.add(new Tuple2<>(smallest, id));
                }
            }
            return star.iterator();
        }).distinct().cache();
        JavaPairRDD<Long, Long> labels = identified.mapToPair(record -> new Tuple2<>(record._1(), record._1()));
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            JavaPairRDD<Long, Long> offered = links.join(labels)
                    .mapToPair(link -> new Tuple2<>(link._2()._1(), link._2()._2()));
            JavaPairRDD<Long, Long> next = labels.union(offered).reduceByKey(Math::min).cache();
            long changed = next.join(labels).filter(label -> !label._2()._1().equals(label._2()._2())).count();
            labels = next;
            if (changed == 0) {
                return labels;
            }
        }
        throw new IllegalStateException("identity resolution did not converge in " + MAX_ITERATIONS + " rounds");
    }

    private static FileRecords readFile(String uri, PortableDataStream content) {
        String name = displayName(uri);
        List<PersonRecord> records = new ArrayList<>();
        try (InputStream in = content.open()) {
            new BreachScanner(new BreachScanner.Options(1, null)).readRecords(name, in, records::add);
            return new FileRecords(name, records, null);
        } catch (IOException | RuntimeException unreadable) {
            String reason = unreadable.getMessage();
            return new FileRecords(name, List.of(), reason == null ? unreadable.getClass().getSimpleName() : reason);
        }
    }

    /** Local files by their path, as the single-machine scan names them; other stores by their URI. */
    static String displayName(String uri) {
        URI parsed = URI.create(uri);
        return "file".equals(parsed.getScheme()) ? parsed.getPath() : uri;
    }
}
