package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PhonesProperties {

    @Property
    void aNumberWrittenWithAPlusHasTheE164FormItHasInGeneral(@ForAll("written") String body, @ForAll("regions") String region) {
        String raw = "+" + body;
        assertThat(Phones.normalise(raw, region)).isEqualTo(Phones.normaliseInGeneral(raw, region));
    }

    @Property
    void anyOtherValueHasTheE164FormItHasInGeneral(@ForAll("written") String raw, @ForAll("regions") String region) {
        assertThat(Phones.normalise(raw, region)).isEqualTo(Phones.normaliseInGeneral(raw, region));
    }

    @Example
    void everyWayOfWritingOneInternationalNumberHasOneForm() {
        for (String written : new String[] {"+44 7400 123456", "+44-7400-123456", "+447400123456", "+44.7400.123456", "+44 (0)7400 123456",
                " +44 7400 123456 ", "0044 7400 123456", "07400 123456"}) {
            assertThat(Phones.normalise(written, "GB")).as(written).contains("+447400123456");
        }
        assertThat(Phones.normalise("+44 7400", "GB")).as("too short").isEmpty();
        assertThat(Phones.normalise("+0 7400 123456", "GB")).as("no calling code starts with 0").isEmpty();
        assertThat(Phones.normalise("+44 7400 123456 call me", "GB")).isEmpty();
    }

    @Provide
    Arbitrary<String> written() {
        return Arbitraries.strings().withChars("0123456789 -./\t()+xe#a").ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("GB", "US", "FR", "DE").injectNull(0.2);
    }
}
