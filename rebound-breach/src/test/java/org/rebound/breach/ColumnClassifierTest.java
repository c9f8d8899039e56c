package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnClassifierTest {

    private final ColumnClassifier classifier = new ColumnClassifier();

    @Test
    void aHeaderIsBelievedWhenTheValuesAgree() {
        assertThat(classifier.classify("E-Mail Address", List.of("a.b@example.com", "c@example.org")).field())
                .isEqualTo(Field.EMAIL);
        assertThat(classifier.classify("Surname", List.of("Okafor", "Nguyen", "Smith")).field()).isEqualTo(Field.FAMILY_NAME);
    }

    @Test
    void valuesWithAChecksumClassifyAColumnWhateverItsHeader() {
        assertThat(classifier.classify("ref", List.of("4539148803436467", "5555555555554444", "4111111111111111")).field())
                .isEqualTo(Field.PAYMENT_CARD);
        assertThat(classifier.classify("contact", List.of("jo@example.com", "al@example.org")).field())
                .isEqualTo(Field.EMAIL);
    }

    @Test
    void aHeaderTheValuesContradictIsNotBelieved() {
        assertThat(classifier.classify("email", List.of("pending", "n/a", "unknown")).field()).isEqualTo(Field.OTHER);
        assertThat(classifier.classify("first_name", List.of("12", "15", "99")).field()).isEqualTo(Field.OTHER);
    }

    @Test
    void anUnlabelledColumnOfPeopleIsFoundByTheirGivenNames() {
        assertThat(classifier.classify("column 3", List.of("Maria Garcia", "James Wilson", "Fatima Khan", "Oliver Brown"))
                .field()).isEqualTo(Field.FULL_NAME);
    }

    @Test
    void dateColumnsLearnTheirDayMonthOrderFromTheSample() {
        ColumnPlan plan = classifier.classify("Birthday", List.of("3/29/1982", "2/28/1956", "12/1/1990"));
        assertThat(plan.field()).isEqualTo(Field.DATE_OF_BIRTH);
        assertThat(plan.dateOrder()).isEqualTo(Dates.Order.MONTH_FIRST);
        assertThat(Dates.parse("3/4/1982", plan.dateOrder())).hasValueSatisfying(date -> assertThat(date.getMonthValue()).isEqualTo(3));
    }

    @Test
    void longSentencesAreScannedAsFreeText() {
        assertThat(classifier.classify("col9", List.of("Customer called about the recall of his car last week",
                "Asked for a courtesy car while the ECU is being replaced")).field()).isEqualTo(Field.FREE_TEXT);
    }

    @Test
    void headersThatOnlyLookPersonalAreNotTakenForPersonalData() {
        assertThat(Field.ofHeader("province")).isEqualTo(Field.REGION);
        assertThat(Field.ofHeader("business")).isEqualTo(Field.OTHER);
        assertThat(Field.ofHeader("BrowserUserAgent")).isEqualTo(Field.NOT_PERSONAL);
        assertThat(Field.ofHeader("company_name")).isEqualTo(Field.NOT_PERSONAL);
        assertThat(Field.ofHeader("user_name")).isEqualTo(Field.USERNAME);
        assertThat(Field.ofHeader("mailing_address")).isEqualTo(Field.STREET);
    }
}
