package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Column classification measured cell by cell on the labelled FakeNameGenerator table of
 * presidio-research (../shared/data/pii): each non-empty cell counts as found in the category its
 * column was classified as, against the category its header truly is.
 */
class TabularAccuracyTests {

    static final Path TABLE = Path.of("../../shared/data/pii/FakeNameGenerator.com_100.csv");

    /** The truth: what each column of the table exposes (absent: nothing personal on its own). */
    static final Map<String, Category> TRUTH = Map.ofEntries(
            Map.entry("GivenName", Category.NAME), Map.entry("MiddleInitial", Category.NAME),
            Map.entry("Surname", Category.NAME), Map.entry("StreetAddress", Category.ADDRESS),
            Map.entry("City", Category.ADDRESS), Map.entry("State", Category.ADDRESS),
            Map.entry("StateFull", Category.ADDRESS), Map.entry("ZipCode", Category.POSTCODE),
            Map.entry("EmailAddress", Category.EMAIL), Map.entry("Username", Category.USERNAME),
            Map.entry("Password", Category.CREDENTIALS), Map.entry("MothersMaiden", Category.CREDENTIALS),
            Map.entry("TelephoneNumber", Category.PHONE), Map.entry("Birthday", Category.DATE_OF_BIRTH),
            Map.entry("CCType", Category.PAYMENT_CARD), Map.entry("CCNumber", Category.PAYMENT_CARD),
            Map.entry("CVV2", Category.PAYMENT_CARD), Map.entry("CCExpires", Category.PAYMENT_CARD),
            Map.entry("NationalID", Category.NATIONAL_ID), Map.entry("BloodType", Category.HEALTH));

    static Accuracy measure() throws Exception {
        List<String> header;
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(TABLE, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            header = parser.getHeaderNames().stream().map(name -> name.replace("\uFEFF", "")).toList();
            rows = parser.getRecords();
        }
        ColumnClassifier classifier = new ColumnClassifier();
        Accuracy accuracy = new Accuracy();
        for (int column = 0; column < header.size(); column++) {
            List<String> values = new ArrayList<>();
            for (CSVRecord row : rows) {
                values.add(row.get(column));
            }
            Category predicted = classifier.classify(header.get(column), values.subList(0, Math.min(values.size(),
                    ColumnClassifier.SAMPLE_SIZE))).field().category();
            Category truth = TRUTH.get(header.get(column));
            for (String value : values) {
                if (!value.isBlank()) {
                    accuracy.count(set(truth), set(predicted));
                }
            }
        }
        return accuracy;
    }

    private static Set<Category> set(Category category) {
        return category == null ? Set.of() : EnumSet.of(category);
    }

    @Test
    void classifiesTheColumnsOfTheLabelledTableWithStructuredIdentifiersAboveNinetyEightPercent() throws Exception {
        assumeTrue(Files.exists(TABLE), "../shared/data/pii is absent: the labelled table is not in a user's clone");
        Accuracy accuracy = measure();
        System.out.println(accuracy.table("cells"));
        for (Category category : List.of(Category.EMAIL, Category.PHONE, Category.PAYMENT_CARD, Category.NATIONAL_ID)) {
            assertThat(accuracy.precision(category)).as("precision of %s", category.id()).isGreaterThanOrEqualTo(0.98);
            assertThat(accuracy.recall(category)).as("recall of %s", category.id()).isGreaterThanOrEqualTo(0.98);
        }
        assertThat(accuracy.f1(Category.NAME)).isGreaterThanOrEqualTo(0.98);
        assertThat(accuracy.f1(Category.ADDRESS)).isGreaterThanOrEqualTo(0.98);
    }
}
