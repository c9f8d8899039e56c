package org.rebound.breach;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Phone numbers through libphonenumber: recognised in any national or international format. */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Map<String, String> TRUNK_PREFIXES = new ConcurrentHashMap<>();
    private static final Set<Integer> CALLING_CODES = Set.copyOf(UTIL.getSupportedCallingCodes());

    private Phones() {
    }

    /**
     * The E.164 form of a number written as people write it in a column already known to hold phone
     * numbers: with {@code +} or {@code 00}, or nationally in {@code region} (its trunk prefix
     * dropped). Empty when the value is not a number or, written nationally, the region is unknown.
     * Much faster than a full parse, and gives every way of writing one number the same form.
     */
    static Optional<String> normalise(String raw, String region) {
        String international = writtenInternationally(raw);
        return international != null ? Optional.of(international).filter(Phones::isE164Length) : normaliseInGeneral(raw, region);
    }

    /**
     * The {@code +} and digits of a number written with {@code +} and nothing but digits and separators
     * between them, the form of most phone columns, in one pass; null for every other form.
     */
    private static @org.jspecify.annotations.Nullable String writtenInternationally(String raw) {
        if (raw.isEmpty() || raw.charAt(0) != '+') {
            return null;
        }
        char[] e164 = new char[raw.length()];
        e164[0] = '+';
        int length = 1;
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                e164[length++] = c;
            } else if (c != ' ' && c != '-' && c != '.' && c != '\t' && c != '/') {
                return null;
            }
        }
        return new String(e164, 0, length);
    }

    private static boolean isE164Length(String e164) {
        return e164.length() >= 9 && e164.length() <= 16 && e164.charAt(1) != '0';
    }

    /** {@link #normalise} of any form: trimmed, its extension dropped, {@code 00} and national numbers too. */
    static Optional<String> normaliseInGeneral(String raw, String region) {
        String value = raw.trim();
        int extension = extensionStart(value);
        if (extension >= 0) {
            value = value.substring(0, extension).trim();
        }
        if (value.indexOf('(') >= 0) {
            value = value.replace("(0)", "");
        }
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (" -().\t/+".indexOf(c) < 0 || (c == '+' && (i > 0 || digits.length() > 0))) {
                return Optional.empty();
            }
        }
        String number;
        if (value.startsWith("+")) {
            number = digits.toString();
        } else if (digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
            number = digits.substring(2);
        } else if (region == null) {
            return Optional.empty();
        } else {
            int countryCode = UTIL.getCountryCodeForRegion(region);
            if (countryCode == 0) {
                return Optional.empty();
            }
            String national = digits.toString();
            String trunk = TRUNK_PREFIXES.computeIfAbsent(region, code -> {
                String prefix = UTIL.getNddPrefixForRegion(code, true);
                return prefix == null ? "" : prefix;
            });
            if (countryCode == 1 && national.startsWith("011")) {
                national = "";
                number = digits.substring(3);
            } else {
                if (!trunk.isEmpty() && national.startsWith(trunk)) {
                    national = national.substring(trunk.length());
                }
                number = countryCode + national;
            }
        }
        return number.length() >= 8 && number.length() <= 15 && number.charAt(0) != '0'
                ? Optional.of("+" + number) : Optional.empty();
    }

    private static int extensionStart(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 'x' || c == 'X' || c == 'e' || c == 'E' || c == '#') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether an E.164 number starts with a country calling code in use and has a national number of a
     * length some country uses: the check that a written {@code +} number is one, without a full parse.
     */
    static boolean isPlausibleInternational(String e164) {
        for (int length = 1; length <= 3 && length < e164.length() - 1; length++) {
            int callingCode = Integer.parseInt(e164.substring(1, 1 + length));
            if (CALLING_CODES.contains(callingCode)) {
                int national = e164.length() - 1 - length;
                return national >= 4 && national <= 14;
            }
        }
        return false;
    }

    /** The region of an E.164 number, or null. */
    static String regionOfE164(String e164) {
        return parse(e164, null).map(Phones::regionOf).orElse(null);
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
