package org.rebound.breach;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers through libphonenumber: recognised in any national or international format. */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /**
     * The number in E.164 form when {@code raw} is a possible phone number, read with {@code region}
     * (ISO 3166 alpha-2, or null) for numbers written without their country code.
     */
    static Optional<String> e164(String raw, String region) {
        return parse(raw, region).map(number -> UTIL.format(number, PhoneNumberFormat.E164));
    }

    static Optional<PhoneNumber> parse(String raw, String region) {
        String trimmed = raw.trim();
        if (trimmed.length() < 5 || trimmed.length() > 32 || !looksDialable(trimmed)) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(trimmed, region == null ? "ZZ" : region);
            return UTIL.isPossibleNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    static boolean isValid(String raw, String region) {
        return parse(raw, region).filter(UTIL::isValidNumber).isPresent();
    }

    /** The region (ISO 3166 alpha-2) that a country calling code such as 44 belongs to, or null. */
    static String regionOfCallingCode(String callingCode) {
        String digits = Identifiers.digitsAllowing(callingCode.trim(), "+");
        if (digits == null || digits.length() > 3) {
            return null;
        }
        String region = UTIL.getRegionCodeForCountryCode(Integer.parseInt(digits));
        return "ZZ".equals(region) ? null : region;
    }

    static String regionOf(PhoneNumber number) {
        String region = UTIL.getRegionCodeForNumber(number);
        return region == null || "ZZ".equals(region) || "001".equals(region) ? null : region;
    }

    static PhoneNumberUtil util() {
        return UTIL;
    }

    private static boolean looksDialable(String value) {
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ("+-() ./x".indexOf(c) < 0) {
                return false;
            }
        }
        return digits >= 5 && digits <= 17;
    }
}
