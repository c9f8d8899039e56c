package org.rebound.breach;

import java.util.List;
import java.util.function.Predicate;

/**
 * Decides what a column holds from its header and a sample of its values, once per column, so the
 * rows themselves need no detection. A header is believed when the values agree with it; values with
 * a checksum or strict format (e-mail, card, IBAN, SSN, NINO, VIN, IP, password hash) classify a column
 * whatever its header says.
 */
final class ColumnClassifier {

    static final int SAMPLE_SIZE = 200;
    private static final double AGREE = 0.5;
    private static final double STRONG = 0.8;

    private final Gazetteer gazetteer = Gazetteer.instance();

    ColumnPlan classify(String header, List<String> sample) {
        Field byHeader = Field.ofHeader(header);
        List<String> values = sample.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
        if (values.isEmpty()) {
            return ColumnPlan.of(byHeader);
        }
        Field byValues = byValues(values);
        return switch (byHeader) {
            case EMAIL -> agreeing(byHeader, values, Identifiers::isEmail, byValues);
            case PAYMENT_CARD -> agreeing(byHeader, values, Identifiers::isPaymentCard, byValues);
            case IBAN -> agreeing(byHeader, values, Identifiers::isIban, byValues);
            case IP_ADDRESS -> agreeing(byHeader, values, v -> Identifiers.isIpv4(v) || Identifiers.isIpv6(v), byValues);
            case VIN -> agreeing(byHeader, values, Identifiers::isVinShape, byValues);
            case PHONE -> agreeing(byHeader, values, ColumnClassifier::dialable, byValues);
            case GIVEN_NAME, MIDDLE_NAME, FAMILY_NAME, FULL_NAME, CITY, REGION, COUNTRY ->
                    agreeing(byHeader, values, ColumnClassifier::wordLike, byValues);
            case DATE_OF_BIRTH -> fraction(values, v -> Dates.parse(v, Dates.Order.UNKNOWN).isPresent()) >= AGREE
                    ? new ColumnPlan(Field.DATE_OF_BIRTH, Dates.orderOf(values))
                    : fallback(byValues, values);
            case NATIONAL_ID, PASSPORT, DRIVING_LICENCE, BANK_ACCOUNT, CUSTOMER_ID, POSTCODE, USERNAME,
                    VEHICLE_REGISTRATION -> agreeing(byHeader, values, ColumnClassifier::codeLike, byValues);
            case OTHER, FREE_TEXT -> fallback(byValues, values);
            default -> ColumnPlan.of(byHeader);
        };
    }

    private ColumnPlan agreeing(Field byHeader, List<String> values, Predicate<String> agrees, Field byValues) {
        if (byValues != Field.OTHER && byValues != byHeader) {
            return ColumnPlan.of(byValues);
        }
        return fraction(values, agrees) >= AGREE ? ColumnPlan.of(byHeader) : fallback(byValues, values);
    }

    private ColumnPlan fallback(Field byValues, List<String> values) {
        if (byValues != Field.OTHER) {
            return ColumnPlan.of(byValues);
        }
        if (fraction(values, this::looksLikeFullName) >= 0.6) {
            return ColumnPlan.of(Field.FULL_NAME);
        }
        double averageLength = values.stream().mapToInt(String::length).average().orElse(0);
        return averageLength >= 25 && fraction(values, v -> v.indexOf(' ') >= 0) >= AGREE
                ? ColumnPlan.of(Field.FREE_TEXT)
                : ColumnPlan.of(Field.OTHER);
    }

    private static Field byValues(List<String> values) {
        if (fraction(values, Identifiers::isEmail) >= STRONG) {
            return Field.EMAIL;
        }
        if (fraction(values, Identifiers::isPaymentCard) >= STRONG) {
            return Field.PAYMENT_CARD;
        }
        if (fraction(values, Identifiers::isIban) >= STRONG) {
            return Field.IBAN;
        }
        if (fraction(values, v -> v.indexOf('-') > 0 && Identifiers.isSsn(v) || Identifiers.isNino(v)) >= STRONG) {
            return Field.NATIONAL_ID;
        }
        if (fraction(values, Identifiers::isVinWithCheckDigit) >= STRONG) {
            return Field.VIN;
        }
        if (fraction(values, v -> Identifiers.isIpv4(v) || Identifiers.isIpv6(v)) >= STRONG) {
            return Field.IP_ADDRESS;
        }
        if (fraction(values, Identifiers::isPasswordHash) >= STRONG) {
            return Field.PASSWORD;
        }
        if (fraction(values, v -> v.startsWith("+") && Phones.isValid(v, null)) >= STRONG) {
            return Field.PHONE;
        }
        return Field.OTHER;
    }

    private boolean looksLikeFullName(String value) {
        String[] words = value.split("\\s+");
        return words.length >= 2 && words.length <= 4 && wordLike(value) && gazetteer.isGivenName(words[0]);
    }

    private static boolean dialable(String value) {
        String digits = Identifiers.digitsAllowing(value, "+-() ./x");
        return digits != null && digits.length() >= 5 && digits.length() <= 17;
    }

    private static boolean wordLike(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c) || c == '@') {
                return false;
            }
        }
        return value.length() <= 80;
    }

    private static boolean codeLike(String value) {
        return value.length() <= 40;
    }

    private static double fraction(List<String> values, Predicate<String> test) {
        long hits = values.stream().filter(test).count();
        return (double) hits / values.size();
    }
}
