package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Utf8Properties {

    @Example
    void encodesNamesInAnyScriptAsStringsDo() {
        for (String name : new String[] {"Zoë Bräuer", "Ζωή", "王秀英", "Ōtsuka 😀", "lone \ud83d surrogate"}) {
            assertThat(encoded(name, name.length())).isEqualTo(name.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Property(tries = 3000)
    void encodesAnyPrefixOfAnyTextAsItsSubstringEncodes(@ForAll("texts") String text, @ForAll double cut) {
        int length = (int) (Math.abs(cut) % 1 * (text.length() + 1));
        assertThat(encoded(text, length)).isEqualTo(text.substring(0, length).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withChars("aé€\ud83d\ude00\ud83d\ude00").ofMaxLength(20));
    }

    private static byte[] encoded(String text, int length) {
        byte[] into = new byte[2 + Utf8.maxBytes(length)];
        int end = Utf8.encode(text, length, into, 2);
        return Arrays.copyOfRange(into, 2, end);
    }
}
