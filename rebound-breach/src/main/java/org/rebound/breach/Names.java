package org.rebound.breach;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Person names compared the way people write them: without accents, case, titles or extra spaces. */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TITLES = Pattern.compile("^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame)\\.?\\s+");

    /**
     * Each character of the Latin scripts and each combining mark, without its marks. Names are
     * normalised for every record of a scan; a table spares decomposing the whole name for each.
     */
    private static final String[] UNACCENTED = new String[0x370];

    static {
        for (char c = 0; c < UNACCENTED.length; c++) {
            UNACCENTED[c] = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
        }
    }

    private Names() {
    }

    static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        String untitled = mayOpenWithTitle(lower) && TITLES.matcher(lower).lookingAt()
                ? TITLES.matcher(lower).replaceFirst("") : lower;
        String unaccented = unaccented(untitled);
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

    private static boolean mayOpenWithTitle(String lower) {
        if (lower.isEmpty()) {
            return false;
        }
        char first = lower.charAt(0);
        return first == 'm' || first == 'd' || first == 'p' || first == 's';
    }

    /** The text decomposed with its marks removed: "Dvořák" is "Dvorak". */
    private static String unaccented(String text) {
        StringBuilder plain = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= UNACCENTED.length) {
                return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
            }
            if (c >= 0x80 && plain == null) {
                plain = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (plain != null) {
                plain.append(UNACCENTED[c]);
            }
        }
        return plain == null ? text : plain.toString();
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
