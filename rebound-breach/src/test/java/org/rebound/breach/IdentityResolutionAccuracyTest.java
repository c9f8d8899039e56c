package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity resolution measured on generated data with known truth: of the pairs of rows the register
 * puts in one person, how many are one person (precision); of the pairs that are one person, how many
 * the register put together (recall).
 */
class IdentityResolutionAccuracyTest {

    @TempDir
    Path folder;

    record PairScores(double precision, double recall, long people) {
    }

    static PairScores measure(Path data, Path truthFile, List<AffectedPerson> register) throws IOException {
        Map<String, Integer> truth = new HashMap<>();
        for (String line : Files.readAllLines(truthFile).subList(1, Files.readAllLines(truthFile).size())) {
            String[] fields = line.split(",");
            truth.put(fields[0] + ":" + fields[1], Integer.parseInt(fields[2]));
        }
        Map<Integer, Long> rowsPerTruePerson = new HashMap<>();
        truth.values().forEach(person -> rowsPerTruePerson.merge(person, 1L, Long::sum));
        long truePairs = rowsPerTruePerson.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
        long predictedPairs = 0;
        long correctPairs = 0;
        for (AffectedPerson person : register) {
            Map<Integer, Long> rowsPerTruth = new HashMap<>();
            long rows = 0;
            for (Source source : person.sources()) {
                String file = Path.of(source.file().split("#")[0]).getFileName().toString();
                Integer who = truth.get(file + ":" + source.line());
                if (who != null) {
                    rowsPerTruth.merge(who, 1L, Long::sum);
                    rows++;
                }
            }
            predictedPairs += rows * (rows - 1) / 2;
            correctPairs += rowsPerTruth.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
        }
        return new PairScores(predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs,
                truePairs == 0 ? 1 : (double) correctPairs / truePairs, register.size());
    }

    @Test
    void mergesTheRowsOfEachGeneratedCustomerAndNobodyElse() throws IOException {
        SyntheticBreachData.Written data = SyntheticBreachData.write(folder.resolve("data"), 2_000, 42);
        Path out = folder.resolve("out");
        Files.move(data.truth(), folder.resolve("truth.csv"));

        ScanSummary summary = new BreachScanner(new BreachScanner.Options(2, null))
                .scan(List.of(data.directory()), out, BreachScanner.Progress.NONE);
        PairScores scores = measure(data.directory(), folder.resolve("truth.csv"),
                RegisterFiles.readJson(out.resolve(RegisterFiles.JSON)));

        System.out.printf("identity resolution on 2,000 generated customers: pair precision %.4f, recall %.4f, %d people%n",
                scores.precision(), scores.recall(), scores.people());
        assertThat(scores.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(scores.recall()).isGreaterThanOrEqualTo(0.99);
        assertThat(summary.people()).isEqualTo(2_000);
        assertThat(summary.errors()).isEmpty();
    }
}
