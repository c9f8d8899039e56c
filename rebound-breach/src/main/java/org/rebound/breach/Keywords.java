package org.rebound.breach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of lower-case keywords looked for in a text in one pass: at each position of the text, a
 * bit set over the keywords' first two characters says whether any keyword can start there, and
 * only those that can are compared. Much cheaper than searching for each keyword in turn, as most
 * texts contain none.
 */
final class Keywords {

    private static final int BITS = 1 << 12;

    private final Map<Integer, String[]> byOpening = new HashMap<>();
    private final long[] openings = new long[BITS / 64];

    Keywords(List<String> keywords) {
        Map<Integer, List<String>> grouped = new HashMap<>();
        for (String keyword : keywords) {
            if (keyword.length() < 2) {
                throw new IllegalArgumentException("a keyword needs two characters at least: '" + keyword + "'");
            }
            grouped.computeIfAbsent(opening(keyword, 0), key -> new ArrayList<>()).add(keyword);
        }
        grouped.forEach((opening, group) -> {
            byOpening.put(opening, group.toArray(String[]::new));
            openings[bit(opening) >>> 6] |= 1L << bit(opening);
        });
    }

    /** Whether any keyword occurs in {@code lower} (compared as it is: pass it lower-cased). */
    boolean anyIn(String lower) {
        for (int i = 0; i + 1 < lower.length(); i++) {
            int opening = opening(lower, i);
            if ((openings[bit(opening) >>> 6] & 1L << bit(opening)) == 0) {
                continue;
            }
            String[] candidates = byOpening.get(opening);
            if (candidates != null) {
                for (String keyword : candidates) {
                    if (lower.startsWith(keyword, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int opening(String text, int at) {
        return text.charAt(at) << 16 | text.charAt(at + 1);
    }

    private static int bit(int opening) {
        return (opening * 0x9E3779B1 >>> 20) & (BITS - 1);
    }
}
