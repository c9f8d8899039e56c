package org.rebound.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ObservableProperties {

    @Property
    void everyIpv6AddressIsWrittenInTheOneCanonicalFormThatMeansTheSameAddress(@ForAll @Size(16) byte[] address) throws Exception {
        String full = IntStream.range(0, 8)
                .mapToObj(i -> String.format("%04X", (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff))
                .collect(Collectors.joining(":"));

        String canonical = Ipv6.parse(full).orElseThrow();

        assertThat(InetAddress.getByName(canonical).getAddress()).isEqualTo(address);
        assertThat(Ipv6.parse(canonical)).contains(canonical);
        assertThat(canonical).doesNotContain(":::").isLowerCase();
        assertThat(canonical.split("::", -1).length).isLessThanOrEqualTo(2);
    }

    @Property
    void aHashIsDetectedByItsLengthWhateverItsCase(@ForAll @Size(min = 16, max = 32) byte[] digest, @ForAll boolean upper) {
        String hex = HexFormat.of().formatHex(digest);
        String written = upper ? hex.toUpperCase() : hex;

        ObservableParser.ReadOutcome read = ObservableParser.read(written);

        ObservableType expected = switch (digest.length) {
            case 16 -> ObservableType.MD5;
            case 20 -> ObservableType.SHA1;
            case 32 -> ObservableType.SHA256;
            default -> null;
        };
        if (expected == null) {
            assertThat(read.observable() == null || read.observable().type() != ObservableType.MD5).isTrue();
        } else {
            assertThat(read.observable()).isEqualTo(new Observable(expected, hex));
        }
    }

    @Property
    void readingIsIdempotentAndDefangingIsUndoneByReading(@ForAll("indicators") String indicator) {
        Observable first = ObservableParser.read(indicator).observable();

        assertThat(first).isNotNull();
        assertThat(ObservableParser.read(first.value()).observable()).isEqualTo(first);
        assertThat(ObservableParser.read(first.defanged()).observable()).isEqualTo(first);
    }

    @Property
    void aPasteNeverKeepsTheSameObservableTwice(@ForAll("pastes") String paste) {
        ObservableParser.Result result = ObservableParser.parse(paste);

        assertThat(result.observables()).extracting(ObservableParser.Parsed::observable).doesNotHaveDuplicates();
        long lines = paste.lines().filter(line -> !line.isBlank()).count();
        assertThat(result.observables().size() + result.repeats() + result.problems().size()).isEqualTo((int) lines);
    }

    @Provide
    Arbitrary<String> pastes() {
        return indicators().list().ofMaxSize(30).map(list -> String.join("\n", list));
    }

    @Provide
    Arbitrary<String> indicators() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(12)
                .filter(text -> Character.isLetterOrDigit(text.charAt(0)));
        Arbitrary<String> domain = Combinators.combine(label, label, Arbitraries.of("com", "net", "org", "co.uk", "ru", "io"))
                .as((first, second, top) -> first + "-" + second + "." + top);
        Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(octets -> octets.stream().map(String::valueOf).collect(Collectors.joining(".")));
        Arbitrary<String> url = Combinators.combine(Arbitraries.of("http", "https"), domain, label)
                .as((scheme, host, path) -> scheme + "://" + host + "/" + path);
        Arbitrary<String> email = Combinators.combine(label, domain).as((local, host) -> local + "@" + host);
        return Arbitraries.oneOf(domain, ipv4, url, email);
    }

    @Property
    void phoneNumbersAreStoredAsDigitsAfterThePlus(@ForAll @IntRange(min = 1, max = 999) int country,
                                                   @ForAll @IntRange(min = 1_000_000, max = 999_999_999) int subscriber) {
        String written = "+" + country + " (0) " + subscriber;

        assertThat(ObservableParser.read(written).observable())
                .isEqualTo(new Observable(ObservableType.PHONE_NUMBER, "+" + country + "0" + subscriber));
    }
}
