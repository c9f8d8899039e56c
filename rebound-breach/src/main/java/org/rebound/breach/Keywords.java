package org.rebound.breach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of lower-case keywords looked for in a text in one pass: at each position of the text, the
 * two characters there are looked up in a small open-addressing table of the keywords' first two,
 * and only keywords that can start there are compared. Much cheaper than searching for each keyword
 * in turn, as most texts contain none.
 */
final class Keywords {

    private final int[] openings;
    private final String[][] keywords;
    private final int mask;

    Keywords(List<String> keywords) {
        Map<Integer, List<String>> grouped = new LinkedHashMap<>();
        for (String keyword : keywords) {
            if (keyword.length() < 2) {
                throw new IllegalArgumentException("a keyword needs two characters at least: '" + keyword + "'");
            }
            grouped.computeIfAbsent(opening(keyword, 0), key -> new ArrayList<>()).add(keyword);
        }
        int size = Integer.highestOneBit(Math.max(4, grouped.size() * 4 - 1)) << 1;
        this.openings = new int[size];
        this.keywords = new String[size][];
        this.mask = size - 1;
        grouped.forEach((opening, group) -> {
            int slot = slot(opening);
            while (this.keywords[slot] != null) {
                slot = (slot + 1) & mask;
            }
            openings[slot] = opening;
            this.keywords[slot] = group.toArray(String[]::new);
        });
    }

    /** Whether any keyword occurs in {@code lower} (compared as it is: pass it lower-cased). */
    boolean anyIn(String lower) {
        for (int i = 0; i + 1 < lower.length(); i++) {
            int opening = opening(lower, i);
            for (int slot = slot(opening); keywords[slot] != null; slot = (slot + 1) & mask) {
                if (openings[slot] == opening) {
                    for (String keyword : keywords[slot]) {
                        if (lower.startsWith(keyword, i)) {
                            return true;
                        }
                    }
                    break;
                }
            }
        }
        return false;
    }

    private static int opening(String text, int at) {
        return text.charAt(at) << 16 | text.charAt(at + 1);
    }

    private int slot(int opening) {
        return (opening * 0x9E3779B1 >>> 16) & mask;
    }
}
