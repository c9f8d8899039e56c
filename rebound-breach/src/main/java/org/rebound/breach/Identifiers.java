package org.rebound.breach;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validators for identifiers with a fixed format or a check digit. Each takes the value as found
 * (spaces and dashes allowed where people write them) and answers whether it is one.
 */
final class Identifiers {

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern SSN = Pattern.compile("(?!000|666|9\\d\\d)\\d{3}([- ]?)(?!00)\\d{2}\\1(?!0000)\\d{4}");
    private static final Pattern NINO =
            Pattern.compile("(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\\d{6}[A-D]");
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final Pattern PASSWORD_HASH = Pattern.compile(
            "\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}"
                    + "|\\$argon2(?:id|i|d)\\$\\S+"
                    + "|\\$(?:1|5|6|y|md5|sha1)\\$[^\\s$]*\\$[./A-Za-z0-9]+"
                    + "|pbkdf2[_:$]\\S+|\\{SSHA\\}\\S+|\\{SHA\\}\\S+");

    /** IBAN length per country, from the SWIFT IBAN registry. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22),
            Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25),
            Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31),
            Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("ST", 25), Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26),
            Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20));

    private Identifiers() {
    }

    static boolean isEmail(String value) {
        return value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    /**
     * The cheap check for values of a column already classified as e-mail: one {@code @} with a
     * dotted domain after it and no spaces.
     */
    static boolean looksLikeEmail(String value) {
        int at = value.indexOf('@');
        return at > 0 && at == value.lastIndexOf('@') && value.indexOf('.', at + 2) > 0 && value.indexOf(' ') < 0
                && !value.endsWith(".");
    }

    /** Lower case and trimmed: mailbox providers treat addresses case-insensitively in practice. */
    static String normalEmail(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    static boolean isPaymentCard(String value) {
        String digits = digitsAllowing(value, " -");
        if (digits == null || digits.length() < 12 || digits.length() > 19 || !luhn(digits)) {
            return false;
        }
        return knownCardLength(digits);
    }

    /** A card number by checksum alone, for where the text says it is a card. */
    static boolean isCardNumberByChecksum(String value) {
        String digits = digitsAllowing(value, " -");
        return digits != null && digits.length() >= 12 && digits.length() <= 19 && luhn(digits);
    }

    private static boolean knownCardLength(String digits) {
        int length = digits.length();
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if (digits.charAt(0) == '4') {
            return length == 13 || length == 16 || length == 19;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return length == 16;
        }
        if (two == 34 || two == 37) {
            return length == 15;
        }
        if (two == 36 || two == 38 || two == 30) {
            return length >= 14 && length <= 19;
        }
        if (four == 6011 || two == 65 || (four >= 6440 && four <= 6499) || two == 35 || two == 62) {
            return length >= 16 && length <= 19;
        }
        if (four == 2131 || four == 1800) {
            return length == 15; // early JCB ranges
        }
        // Maestro and other debit ranges
        return two == 50 || (two >= 56 && two <= 69) ? length >= 12 : false;
    }

    /** The digit that, appended to {@code payload}, makes a number the Luhn check accepts. */
    static int luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = payload.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean luhn(String digits) {
        int last = digits.length() - 1;
        return luhnCheckDigit(digits.subSequence(0, last)) == digits.charAt(last) - '0';
    }

    static boolean isIban(String value) {
        String compact = value.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
        if (length == null || length != compact.length()
                || !Character.isDigit(compact.charAt(2)) || !Character.isDigit(compact.charAt(3))) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    static boolean isSsn(String value) {
        return SSN.matcher(value.trim()).matches();
    }

    static boolean isNino(String value) {
        return NINO.matcher(value.replace(" ", "").toUpperCase(Locale.ROOT)).matches();
    }

    /** A VIN whose ninth character is the ISO 3779 / FMVSS 115 check digit. */
    static boolean isVinWithCheckDigit(String value) {
        String vin = value.toUpperCase(Locale.ROOT);
        if (!VIN.matcher(vin).matches()) {
            return false;
        }
        return vin.charAt(8) == vinCheckCharacter(vin);
    }

    /** The check character a VIN's ninth position must hold, whatever it holds now. */
    static char vinCheckCharacter(CharSequence vin) {
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += vinValue(vin.charAt(i)) * weights[i];
        }
        int check = sum % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** A VIN by its shape only: European VINs need not carry a check digit. */
    static boolean isVinShape(String value) {
        String vin = value.toUpperCase(Locale.ROOT);
        return VIN.matcher(vin).matches() && vin.chars().anyMatch(Character::isLetter)
                && vin.chars().filter(Character::isDigit).count() >= 4;
    }

    private static int vinValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw new IllegalArgumentException("not a VIN character: " + c);
        };
    }

    static boolean isPasswordHash(String value) {
        return PASSWORD_HASH.matcher(value.trim()).matches();
    }

    static boolean isIpv4(String value) {
        String[] parts = value.trim().split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String value) {
        String address = value.trim();
        if (address.length() < 2 || address.length() > 45 || address.indexOf(':') < 0) {
            return false;
        }
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        int groups = 0;
        String[] halves = doubleColon >= 0
                ? new String[] {address.substring(0, doubleColon), address.substring(doubleColon + 2)}
                : new String[] {address};
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                boolean last = h == halves.length - 1 && i == parts.length - 1;
                if (last && part.contains(".")) {
                    if (!isIpv4(part)) {
                        return false;
                    }
                    groups += 2;
                } else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(Identifiers::isHex)) {
                    return false;
                } else {
                    groups++;
                }
            }
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The digits of {@code value} if it holds only digits and the given separators, else null. */
    static String digitsAllowing(String value, String separators) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (separators.indexOf(c) < 0) {
                return null;
            }
        }
        return digits.length() == 0 ? null : digits.toString();
    }
}
