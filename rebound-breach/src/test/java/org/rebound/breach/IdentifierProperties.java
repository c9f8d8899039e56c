package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class IdentifierProperties {

    @Property
    void aVisaNumberWithItsLuhnCheckDigitIsACardAndAnyOtherLastDigitIsNot(
            @ForAll @StringLength(15) @net.jqwik.api.constraints.NumericChars String body, @ForAll @IntRange(max = 9) int wrong) {
        String withoutCheck = "4" + body.substring(1);
        int check = luhnCheckDigit(withoutCheck);
        assertThat(Identifiers.isPaymentCard(withoutCheck + check)).isTrue();
        if (wrong != check) {
            assertThat(Identifiers.isPaymentCard(withoutCheck + wrong)).isFalse();
        }
    }

    @Property
    void cardNumbersAreRecognisedWrittenInGroups(@ForAll @StringLength(15) @net.jqwik.api.constraints.NumericChars String body) {
        String number = "5" + "3" + body.substring(2) + "";
        String full = number + luhnCheckDigit(number);
        String grouped = full.substring(0, 4) + " " + full.substring(4, 8) + "-" + full.substring(8, 12) + " " + full.substring(12);
        assertThat(Identifiers.isPaymentCard(grouped)).isTrue();
    }

    @Property
    void anIbanWithCorrectCheckDigitsValidatesAndASwappedDigitDoesNot(@ForAll("bbans") String bban,
            @ForAll @IntRange(min = 0, max = 17) int position) {
        String iban = iban("GB", bban);
        assertThat(Identifiers.isIban(iban)).isTrue();
        assertThat(Identifiers.isIban(iban.replaceAll("(.{4})", "$1 ").trim())).isTrue();
        char original = iban.charAt(4 + position);
        if (Character.isDigit(original)) {
            char other = (char) ('0' + (original - '0' + 1) % 10);
            String broken = iban.substring(0, 4 + position) + other + iban.substring(5 + position);
            assertThat(Identifiers.isIban(broken)).isFalse();
        }
    }

    @Provide
    Arbitrary<String> bbans() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofLength(4)
                .flatMap(bank -> Arbitraries.strings().numeric().ofLength(14).map(account -> bank + account));
    }

    @Property
    void aVinIsValidOnlyWithItsCheckDigit(@ForAll("vinBodies") String body) {
        String withPlaceholder = body.substring(0, 8) + "0" + body.substring(8);
        char check = vinCheckDigit(withPlaceholder);
        String vin = withPlaceholder.substring(0, 8) + check + withPlaceholder.substring(9);
        assertThat(Identifiers.isVinWithCheckDigit(vin)).isTrue();
        char wrong = check == '1' ? '2' : '1';
        assertThat(Identifiers.isVinWithCheckDigit(vin.substring(0, 8) + wrong + vin.substring(9))).isFalse();
    }

    @Provide
    Arbitrary<String> vinBodies() {
        return Arbitraries.strings().withChars("ABCDEFGHJKLMNPRSTUVWXYZ0123456789").ofLength(16);
    }

    @Example
    void knownVinsFromManufacturersCarryValidCheckDigits() {
        assertThat(Identifiers.isVinWithCheckDigit("1M8GDM9AXKP042788")).isTrue();
        assertThat(Identifiers.isVinWithCheckDigit("11111111111111111")).isTrue();
        assertThat(Identifiers.isVinWithCheckDigit("1M8GDM9A1KP042788")).isFalse();
    }

    @Example
    void nationalInsuranceNumbersFollowHmrcRules() {
        assertThat(Identifiers.isNino("JG 10 37 59 A")).isTrue();
        assertThat(Identifiers.isNino("QQ 12 34 56 C")).as("the dummy prefix HMRC documentation uses is never issued").isFalse();
        assertThat(Identifiers.isNino("AB123456D")).isTrue();
        assertThat(Identifiers.isNino("GB123456A")).as("GB is never issued").isFalse();
        assertThat(Identifiers.isNino("DA123456A")).as("D is not a valid first letter").isFalse();
        assertThat(Identifiers.isNino("AB123456E")).as("suffix is A to D").isFalse();
    }

    @Example
    void socialSecurityNumbersExcludeAreasNeverAssigned() {
        assertThat(Identifiers.isSsn("536-90-4399")).isTrue();
        assertThat(Identifiers.isSsn("000-12-3456")).isFalse();
        assertThat(Identifiers.isSsn("666-12-3456")).isFalse();
        assertThat(Identifiers.isSsn("912-12-3456")).isFalse();
        assertThat(Identifiers.isSsn("123-00-4567")).isFalse();
        assertThat(Identifiers.isSsn("123-45-0000")).isFalse();
    }

    @Example
    void ipAddressesMustBeWellFormed() {
        assertThat(Identifiers.isIpv4("192.168.10.4")).isTrue();
        assertThat(Identifiers.isIpv4("256.1.1.1")).isFalse();
        assertThat(Identifiers.isIpv4("01.1.1.1")).isFalse();
        assertThat(Identifiers.isIpv6("2001:db8::8a2e:370:7334")).isTrue();
        assertThat(Identifiers.isIpv6("::ffff:192.0.2.128")).isTrue();
        assertThat(Identifiers.isIpv6("2001:db8::1::2")).isFalse();
        assertThat(Identifiers.isIpv6("12:34")).isFalse();
    }

    static int luhnCheckDigit(String withoutCheck) {
        for (int digit = 0; digit <= 9; digit++) {
            if (Identifiers.luhn(withoutCheck + digit)) {
                return digit;
            }
        }
        throw new AssertionError("no Luhn digit for " + withoutCheck);
    }

    static String iban(String country, String bban) {
        StringBuilder numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    static char vinCheckDigit(String vin) {
        for (char candidate : "0123456789X".toCharArray()) {
            String attempt = vin.substring(0, 8) + candidate + vin.substring(9);
            if (Identifiers.isVinWithCheckDigit(attempt)) {
                return candidate;
            }
        }
        throw new AssertionError("no check digit for " + vin);
    }
}
