package org.rebound.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.rebound.audit.AuditLog;
import org.rebound.model.application.ImportOutcome;
import org.rebound.model.application.ModelImports;
import org.rebound.model.generate.EnterpriseGenerator;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;
import org.rebound.model.io.ModelWriter;
import org.rebound.model.persistence.ModelStore;
import org.rebound.storage.Database;
import org.rebound.storage.DatabaseSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validate and import of a 10,000-system model file into the embedded database, as
 * {@code rebound import} does it, against the baseline of merely parsing the same file with the
 * YAML library (no validation, no storage), measured in the same run.
 */
final class ImportBenchmark {

    private static final int RUNS = 5;

    static Result run(PrintStream out) throws IOException {
        Path work = Files.createTempDirectory("rebound-bench-import");
        try {
            Path model = work.resolve("generated-10000.yaml");
            Files.writeString(model, ModelWriter.toYaml(EnterpriseGenerator.generate(IncrementalImpactBenchmark.SYSTEMS, 1)));
            long bytes = Files.size(model);

            Samples parse = new Samples(RUNS);
            Samples validate = new Samples(RUNS);
            Samples validateAndImport = new Samples(RUNS);
            for (int run = 0; run < RUNS + 1; run++) {
                long start = System.nanoTime();
                try (Reader reader = Files.newBufferedReader(model, StandardCharsets.UTF_8)) {
                    new Load(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build()).loadFromReader(reader);
                }
                long parsed = System.nanoTime() - start;

                start = System.nanoTime();
                ModelLoad load = ModelReader.read(model);
                long validated = System.nanoTime() - start;
                if (!(load instanceof ModelLoad.Loaded)) {
                    throw new IllegalStateException("generated model is invalid: " + load.problems());
                }

                Path data = work.resolve("data-" + run);
                start = System.nanoTime();
                ModelLoad again = ModelReader.read(model);
                ImportOutcome outcome;
                try (HikariDataSource dataSource = Database.open(DatabaseSettings.embedded(data))) {
                    JdbcClient jdbc = JdbcClient.create(dataSource);
                    TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
                    outcome = new ModelImports(new ModelStore(jdbc), new AuditLog(jdbc), transactions, Clock.systemUTC())
                            .importModel(again, Files.readString(model), model.getFileName().toString(), "bench");
                }
                long imported = System.nanoTime() - start;
                if (!(outcome instanceof ImportOutcome.Imported)) {
                    throw new IllegalStateException("import did not store the model: " + outcome);
                }
                if (run > 0) {
                    parse.add(parsed);
                    validate.add(validated);
                    validateAndImport.add(imported);
                }
            }
            double ratio = validateAndImport.medianMillis() / parse.medianMillis();
            out.printf(Locale.ROOT, "Validate + import, %,d systems (%.1f MB of YAML), fresh embedded database each run%n",
                    IncrementalImpactBenchmark.SYSTEMS, bytes / 1e6);
            out.println("  YAML parse only (baseline):  " + parse.describe());
            out.println("  read + validate:             " + validate.describe());
            out.println("  read + validate + import:    " + validateAndImport.describe());
            out.printf(Locale.ROOT, "  ratio import/parse (medians): %.1fx   target: import < 3000 ms%n", ratio);
            return new Result(parse.medianMillis(), validate.medianMillis(), validateAndImport.medianMillis(), ratio);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    record Result(double parseMillis, double validateMillis, double importMillis, double ratio) {
        boolean meetsTarget() {
            return importMillis < 3000;
        }
    }

    private ImportBenchmark() {
    }
}
