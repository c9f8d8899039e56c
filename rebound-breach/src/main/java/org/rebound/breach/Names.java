package org.rebound.breach;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Person names compared the way people write them: without accents, case, titles or extra spaces. */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final List<String> TITLES = List.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame");

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
        int from = afterTitle(lower);
        Letters normal = new Letters(lower.length() - from);
        for (int i = from; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= UNACCENTED.length) {
                // beyond the Latin scripts: decompose the whole name
                Letters decomposed = new Letters(lower.length() - from);
                MARKS.matcher(Normalizer.normalize(lower.substring(from), Normalizer.Form.NFD)).replaceAll("")
                        .chars().forEach(letter -> decomposed.add((char) letter));
                return decomposed.toString();
            }
            if (c < 0x80) {
                normal.add(c);
            } else {
                String plain = UNACCENTED[c];
                for (int k = 0; k < plain.length(); k++) {
                    normal.add(plain.charAt(k));
                }
            }
        }
        return normal.toString();
    }

    /** The letters of a name as they come, whatever stands between two of them made one space. */
    private static final class Letters {
        private final StringBuilder text;
        private boolean gap;

        Letters(int capacity) {
            text = new StringBuilder(capacity);
        }

        void add(char c) {
            if (!Character.isLetter(c)) {
                gap = true;
                return;
            }
            if (gap && text.length() > 0) {
                text.append(' ');
            }
            text.append(c);
            gap = false;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Where the name starts after a title ("dr. ", "mrs "): 0 when it has none. */
    private static int afterTitle(String lower) {
        int word = 0;
        while (word < lower.length() && lower.charAt(word) >= 'a' && lower.charAt(word) <= 'z') {
            word++;
        }
        if (word < 2 || word > 4 || word == lower.length()) {
            // no title is shorter or longer, and a title is followed by something: most names end here
            return 0;
        }
        for (String title : TITLES) {
            if (title.length() == word && lower.startsWith(title)) {
                int end = title.length();
                if (end < lower.length() && lower.charAt(end) == '.') {
                    end++;
                }
                int words = end;
                while (end < lower.length() && isRegexSpace(lower.charAt(end))) {
                    end++;
                }
                if (end > words) {
                    return end;
                }
            }
        }
        return 0;
    }

    /** {@code \s} of a regular expression. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
