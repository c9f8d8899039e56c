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

    @Example
    void findsAStreetWordAnywhereInALine() {
        Keywords streets = new Keywords(STREET_WORDS);
        assertThat(streets.anyIn("deliver to 12 station road, leeds")).isTrue();
        assertThat(streets.anyIn("budapest, erzsébet tér 19.")).isTrue();
        assertThat(streets.anyIn("prefers contact by phone, call +44-7400-123456")).isFalse();
    }

    @Property(tries = 3000)
    void saysWhatSearchingForEachKeywordSays(@ForAll("lines") String line) {
        assertThat(new Keywords(STREET_WORDS).anyIn(line)).isEqualTo(STREET_WORDS.stream().anyMatch(line::contains));
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(STREET_WORDS),
                Arbitraries.of("stre", "roa", " s", "t", "é", "utc", "str", ".", " ", "a", "p"),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(4));
        return pieces.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }
}
