package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NamesProperties {

    @Example
    void namesCompareWithoutCaseAccentsTitlesOrPunctuation() {
        assertThat(Names.normal("  Dr. Antonín  DVOŘÁK ")).isEqualTo("antonin dvorak");
        assertThat(Names.normal("Mrs O'Brien-Ní Mhaoláin")).isEqualTo("o brien ni mhaolain");
        assertThat(Names.normal("Zoe\u0308 Brau\u0308er")).as("combining marks").isEqualTo("zoe brauer");
        assertThat(Names.normal("Ζωή Παπαδοπούλου")).isEqualTo("ζωη παπαδοπουλου");
    }

    @Property(tries = 2000)
    void normalisingByTableIsDecomposingTheWholeName(@ForAll("names") String name) {
        assertThat(Names.normal(name)).isEqualTo(decomposingTheWholeName(name));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> letters = Arbitraries.oneOf(
                Arbitraries.chars().range('a', 'z'), Arbitraries.chars().range('A', 'Z'),
                Arbitraries.chars().range('\u00c0', '\u024f'), Arbitraries.chars().range('\u0300', '\u036f'),
                Arbitraries.chars().range('\u0370', '\u03ff'), Arbitraries.chars().range('\u0400', '\u04ff'),
                Arbitraries.of(' ', ' ', '.', '-', '\'', '\u0130', '\u1e9e', '\u4e2d', '\t'));
        Arbitrary<String> body = letters.list().ofMaxSize(24).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
        return Arbitraries.oneOf(body, Arbitraries.of("Mr ", "DR. ", "prof ", "Sir ", "Dame ", "Ms").flatMap(
                title -> body.map(rest -> title + rest)));
    }

    /** How names were normalised before the table: the whole name decomposed, then its marks removed. */
    private static String decomposingTheWholeName(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        String untitled = lower.replaceFirst("^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame)\\.?\\s+", "");
        String unaccented = Normalizer.normalize(untitled, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return unaccented.replaceAll("\\P{L}+", " ").trim();
    }
}
