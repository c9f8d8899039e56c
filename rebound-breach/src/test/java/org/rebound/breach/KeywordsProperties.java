package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KeywordsProperties {

    private static final List<String> STREET_WORDS = List.of("street", " st", "road", " rd", "tér", "utca", "str.", "apt");
    private static final List<String> HEALTH_WORDS = List.of("asthma", "insulin", "blood type", "diabetic", "road");
    private static final Keywords STREETS_AND_HEALTH = new Keywords(List.of(STREET_WORDS, HEALTH_WORDS));

    @Example
    void saysWhichListsHaveAWordInALine() {
        assertThat(STREETS_AND_HEALTH.listsIn("deliver to 12 station road, leeds")).as("'road' is in both").isEqualTo(0b11);
        assertThat(STREETS_AND_HEALTH.listsIn("budapest, erzsébet tér 19.")).isEqualTo(0b01);
        assertThat(STREETS_AND_HEALTH.listsIn("needs insulin at noon")).isEqualTo(0b10);
        assertThat(STREETS_AND_HEALTH.listsIn("prefers contact by phone, call +44-7400-123456")).isZero();
    }

    @Property(tries = 3000)
    void saysWhatSearchingForEachKeywordOfEachListSays(@ForAll("lines") String line) {
        int expected = (STREET_WORDS.stream().anyMatch(line::contains) ? 1 : 0)
                | (HEALTH_WORDS.stream().anyMatch(line::contains) ? 2 : 0);

        assertThat(STREETS_AND_HEALTH.listsIn(line)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(STREET_WORDS), Arbitraries.of(HEALTH_WORDS),
                Arbitraries.of("stre", "roa", " s", "t", "é", "utc", "str", ".", " ", "a", "p", "insu", "blood "),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(4));
        return pieces.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }
}
