package org.rebound.breach;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Person names compared the way people write them: without accents, case, titles or extra spaces. */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TITLES = Pattern.compile("^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame)\\.?\\s+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");

    private Names() {
    }

    static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        String untitled = TITLES.matcher(lower).replaceFirst("");
        String unaccented = MARKS.matcher(Normalizer.normalize(untitled, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(unaccented).replaceAll(" ").trim();
    }

    /** The name as shown in the register: single spaces, as written otherwise. */
    static String display(String name) {
        return name.trim().replaceAll("\\s+", " ");
    }
}
