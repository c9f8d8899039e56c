package org.rebound.breach;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the rows of one data set (a CSV file, a sheet, a SQL table, a JSON file) or the lines of a
 * text into {@link PersonRecord}s. The first {@value ColumnClassifier#SAMPLE_SIZE} rows are held back
 * until every column has been classified from them; every row after that is read through the column
 * plans directly. Not thread-safe: one per data set.
 */
final class DatasetExtractor {

    private record BufferedRow(long line, String[] names, String[] values) {
    }

    private final String dataset;
    private final RecordSink sink;
    private final TextDetector detector;
    private final ColumnClassifier classifier;
    private final List<BufferedRow> sample = new ArrayList<>();
    private @Nullable Map<String, ColumnPlan> plans;
    private String @Nullable [] lastNames;
    private @Nullable ColumnPlan[] lastPlans = new ColumnPlan[0];

    DatasetExtractor(String dataset, RecordSink sink, TextDetector detector, ColumnClassifier classifier) {
        this.dataset = dataset;
        this.sink = sink;
        this.detector = detector;
        this.classifier = classifier;
    }

    /** One row: {@code names[i]} is the header of {@code values[i]}; arrays are not kept. */
    void row(long line, String[] names, String[] values) {
        if (plans == null) {
            sample.add(new BufferedRow(line, names.clone(), values.clone()));
            if (sample.size() >= ColumnClassifier.SAMPLE_SIZE) {
                classifySample();
            }
            return;
        }
        extract(line, names, values);
    }

    /** One line of free text. */
    void text(long line, String text) {
        if (text.isBlank()) {
            return;
        }
        RowFacts facts = new RowFacts();
        facts.freeText(text, detector);
        emit(line, facts);
    }

    void finish() {
        if (plans == null) {
            classifySample();
        }
    }

    private void classifySample() {
        Map<String, List<String>> valuesByName = new LinkedHashMap<>();
        for (BufferedRow row : sample) {
            for (int i = 0; i < row.names.length && i < row.values.length; i++) {
                valuesByName.computeIfAbsent(row.names[i], name -> new ArrayList<>()).add(row.values[i]);
            }
        }
        Map<String, ColumnPlan> classified = new HashMap<>();
        valuesByName.forEach((name, values) -> classified.put(name, classifier.classify(name, values)));
        plans = classified;
        for (BufferedRow row : sample) {
            extract(row.line, row.names, row.values);
        }
        sample.clear();
    }

    private void extract(long line, String[] names, String[] values) {
        RowFacts facts = new RowFacts();
        if (names != lastNames) {
            // delimited files and sheets pass the same header for every row: look its plans up once
            lastNames = names;
            lastPlans = new ColumnPlan[names.length];
        }
        for (int i = 0; i < names.length && i < values.length; i++) {
            String value = values[i];
            if (value != null && !value.isBlank()) {
                ColumnPlan plan = lastPlans[i];
                if (plan == null) {
                    plan = plan(names[i], value);
                    lastPlans[i] = plan;
                }
                facts.add(plan, value.trim(), detector);
            }
        }
        emit(line, facts);
    }

    private ColumnPlan plan(String name, String firstValue) {
        Map<String, ColumnPlan> known = plans;
        ColumnPlan plan = known.get(name);
        if (plan == null) {
            // a JSON key first seen after the sample: classify it from its header and this value
            plan = classifier.classify(name, List.of(firstValue));
            known.put(name, plan);
        }
        return plan;
    }

    private void emit(long line, RowFacts facts) {
        PersonRecord record = facts.toRecord(new Source(dataset, line));
        if (!record.categories().isEmpty()) {
            sink.accept(record);
        }
    }

    /** What one row says, gathered column by column, then put in normal form. */
    private static final class RowFacts {
        private final List<String> names = new ArrayList<>();
        private final List<String> emails = new ArrayList<>();
        private final List<String> rawPhones = new ArrayList<>();
        private final List<String> customerIds = new ArrayList<>();
        private final List<String> nationalIds = new ArrayList<>();
        private final Set<Category> categories = EnumSet.noneOf(Category.class);
        private @Nullable String given;
        private @Nullable String middle;
        private @Nullable String family;
        private @Nullable String dateOfBirth;
        private @Nullable String postcode;
        private @Nullable String country;
        private @Nullable String region;
        private @Nullable String callingCodeRegion;

        void add(ColumnPlan plan, String value, TextDetector detector) {
            Field field = plan.field();
            switch (field) {
                case EMAIL -> {
                    if (Identifiers.looksLikeEmail(value)) {
                        emails.add(Identifiers.normalEmail(value));
                    }
                }
                case PHONE -> rawPhones.add(value);
                case PHONE_CALLING_CODE -> callingCodeRegion = Phones.regionOfCallingCode(value);
                case GIVEN_NAME -> given = value;
                case MIDDLE_NAME -> middle = value;
                case FAMILY_NAME -> family = value;
                case FULL_NAME -> names.add(Names.display(value));
                case DATE_OF_BIRTH -> {
                    String iso = Dates.iso(value, plan.dateOrder());
                    dateOfBirth = iso != null ? iso : dateOfBirth;
                }
                case NATIONAL_ID -> nationalIds.add(compactUpper(value));
                case CUSTOMER_ID -> customerIds.add(value);
                case COUNTRY -> {
                    String code = Countries.code(value);
                    country = code != null ? code : country;
                }
                case REGION -> region = value;
                case POSTCODE -> postcode = compactUpper(value);
                case FREE_TEXT -> freeText(value, detector);
                default -> {
                }
            }
            if (field.category() != null) {
                categories.add(field.category());
            }
        }

        void freeText(String text, TextDetector detector) {
            for (Finding finding : detector.find(text)) {
                categories.add(finding.category());
                switch (finding.category()) {
                    case NAME -> names.add(Names.display(finding.value()));
                    case EMAIL -> emails.add(Identifiers.normalEmail(finding.value()));
                    case PHONE -> rawPhones.add(finding.value());
                    case NATIONAL_ID -> nationalIds.add(compactUpper(finding.value()));
                    case POSTCODE -> postcode = compactUpper(finding.value());
                    default -> {
                    }
                }
            }
        }

        PersonRecord toRecord(Source source) {
            if (given != null || family != null) {
                StringBuilder name = new StringBuilder();
                for (String part : new String[] {given, middle, family}) {
                    if (part != null) {
                        name.append(name.length() == 0 ? "" : " ").append(part);
                    }
                }
                names.add(0, Names.display(name.toString()));
            }
            String phoneRegion = callingCodeRegion != null ? callingCodeRegion : country;
            List<String> phones = new ArrayList<>(rawPhones.size());
            for (String raw : rawPhones) {
                Phones.normalise(raw, phoneRegion)
                        .or(() -> phoneRegion == null ? Phones.normalise(raw, "US").filter(e164 -> Phones.isValid(e164, null))
                                .or(() -> Phones.normalise(raw, "GB").filter(e164 -> Phones.isValid(e164, null))) : Optional.empty())
                        .ifPresent(phones::add);
            }
            String residenceCountry = country != null ? country : phones.isEmpty() ? null : Phones.regionOfE164(phones.get(0));
            String residence = Countries.residence(residenceCountry, region);
            return new PersonRecord(source, distinct(names), distinct(emails), distinct(phones), dateOfBirth,
                    postcode, residence, distinct(customerIds), distinct(nationalIds), categories);
        }

        private static List<String> distinct(List<String> values) {
            if (values.size() < 2) {
                return values;
            }
            if (values.size() == 2) {
                // a note's phone is often the phone column's
                return values.get(0).equals(values.get(1)) ? values.subList(0, 1) : values;
            }
            return values.stream().distinct().toList();
        }

        /** Without spaces and dashes, upper-case: postcodes and national ids as they are compared. */
        private static String compactUpper(String value) {
            StringBuilder compact = new StringBuilder(value.length());
            boolean ascii = true;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ' ' || c == '-') {
                    continue;
                }
                ascii &= c < 0x80;
                compact.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
            }
            return ascii ? compact.toString() : compact.toString().toUpperCase(Locale.ROOT);
        }
    }
}
