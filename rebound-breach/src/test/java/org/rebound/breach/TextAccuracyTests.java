package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Free-text detection measured token by token, as presidio-research's evaluator does, on its 1,500
 * synthetic sentences with labelled spans (../shared/data/pii). A token is a run of letters and
 * digits; it is labelled with the entity whose span covers it, and found with the finding that covers
 * it. Entity types Rebound does not report (organisations, places outside addresses, dates, titles)
 * count as no personal data: a finding there is a false positive.
 */
class TextAccuracyTests {

    static final Path DATASET = Path.of("../../shared/data/pii/presidio-synth_dataset_v2.json");
    static final Map<String, Category> ENTITY_TYPES = Map.of(
            "PERSON", Category.NAME, "STREET_ADDRESS", Category.ADDRESS, "EMAIL_ADDRESS", Category.EMAIL,
            "PHONE_NUMBER", Category.PHONE, "CREDIT_CARD", Category.PAYMENT_CARD, "IBAN_CODE", Category.IBAN,
            "US_SSN", Category.NATIONAL_ID, "IP_ADDRESS", Category.IP_ADDRESS,
            "US_DRIVER_LICENSE", Category.DRIVING_LICENCE, "ZIP_CODE", Category.POSTCODE);
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    static Accuracy measure() throws Exception {
        return measure(new TextDetector(), template -> true, new Accuracy());
    }

    /** Adds to {@code accuracy} what {@code detector} finds in the sentences written from the templates chosen. */
    static Accuracy measure(TextDetector detector, java.util.function.IntPredicate templates, Accuracy accuracy) throws Exception {
        JsonNode samples = new ObjectMapper().readTree(DATASET.toFile());
        for (JsonNode sample : samples) {
            if (!templates.test(sample.get("template_id").asInt())) {
                continue;
            }
            String text = sample.get("full_text").asString();
            Category[] truth = new Category[text.length()];
            for (JsonNode span : sample.get("spans")) {
                Category category = ENTITY_TYPES.get(span.get("entity_type").asString());
                if (category != null) {
                    for (int i = span.get("start_position").asInt(); i < span.get("end_position").asInt() && i < text.length(); i++) {
                        truth[i] = category;
                    }
                }
            }
            Category[] found = new Category[text.length()];
            for (Finding finding : detector.find(text)) {
                for (int i = finding.start(); i < finding.end(); i++) {
                    found[i] = postcodeAsAddress(finding.category(), truth[i]);
                }
            }
            Matcher token = TOKEN.matcher(text);
            while (token.find()) {
                accuracy.count(label(truth, token.start(), token.end()), label(found, token.start(), token.end()));
            }
        }
        return accuracy;
    }

    /** A postcode found inside a labelled street address is part of that address. */
    private static Category postcodeAsAddress(Category found, Category truth) {
        return found == Category.POSTCODE && truth == Category.ADDRESS ? Category.ADDRESS : found;
    }

    private static Set<Category> label(Category[] labels, int start, int end) {
        for (int i = start; i < end; i++) {
            if (labels[i] != null) {
                return EnumSet.of(labels[i]);
            }
        }
        return Set.of();
    }

    @Test
    void findsStructuredIdentifiersInFreeText() throws Exception {
        assumeTrue(Files.exists(DATASET), "../shared/data/pii is absent: the labelled corpus is not in a user's clone");
        Accuracy accuracy = measure();
        System.out.println(accuracy.table("tokens"));
        for (Category category : List.of(Category.EMAIL, Category.PAYMENT_CARD, Category.IBAN)) {
            assertThat(accuracy.precision(category)).as("precision of %s", category.id()).isGreaterThanOrEqualTo(0.98);
            assertThat(accuracy.recall(category)).as("recall of %s", category.id()).isGreaterThanOrEqualTo(0.98);
        }
    }

    @Test
    void nameModelFindsNamesInSentencesOfTemplatesItWasNotTrainedOn() throws Exception {
        assumeTrue(Files.exists(DATASET), "../shared/data/pii is absent: the labelled corpus is not in a user's clone");
        List<NameModelTraining.Labelled> labelled = NameModelTraining.presidio(DATASET);
        Accuracy rulesAlone = measure(new TextDetector(null), template -> true, new Accuracy());
        Accuracy heldOut = new Accuracy();
        for (int fold = 0; fold < FOLDS; fold++) {
            int held = fold;
            List<NameModelTraining.Labelled> training = new java.util.ArrayList<>(
                    labelled.stream().filter(text -> text.template() % FOLDS != held).toList());
            training.addAll(NameSentences.generate(NameModelTraining.GENERATED, 1));
            NameModel model = new NameModel(NameModelTraining.train(training), Gazetteer.instance());
            measure(new TextDetector(model), template -> template % FOLDS == held, heldOut);
        }
        System.out.println("rules alone:\n" + rulesAlone.table("tokens"));
        System.out.println("with a model trained on the other templates:\n" + heldOut.table("tokens"));
        assertThat(heldOut.f1(Category.NAME)).isGreaterThan(rulesAlone.f1(Category.NAME));
        assertThat(heldOut.f1(Category.NAME)).as("F1 of names in sentences of templates held out of training").isGreaterThanOrEqualTo(0.90);
        assertThat(heldOut.f1(Category.ADDRESS)).as("F1 of street addresses").isGreaterThanOrEqualTo(0.90);
    }

    private static final int FOLDS = 5;
}
