package org.rebound.breach;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Person names compared the way people write them: without accents, case, titles or extra spaces. */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TITLES = Pattern.compile("^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame)\\.?\\s+");

    private Names() {
    }

    static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        String untitled = TITLES.matcher(lower).lookingAt() ? TITLES.matcher(lower).replaceFirst("") : lower;
        String unaccented = isAscii(untitled) ? untitled
                : MARKS.matcher(Normalizer.normalize(untitled, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder normal = new StringBuilder(unaccented.length());
        boolean space = false;
        for (int i = 0; i < unaccented.length(); i++) {
            char c = unaccented.charAt(i);
            if (Character.isLetter(c)) {
                if (space && normal.length() > 0) {
                    normal.append(' ');
                }
                normal.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return normal.toString();
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The name as shown in the register: single spaces, as written otherwise. */
    static String display(String name) {
        String trimmed = name.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || i + 1 < trimmed.length() && Character.isWhitespace(trimmed.charAt(i + 1)))) {
                return trimmed.replaceAll("\\s+", " ");
            }
        }
        return trimmed;
    }
}
