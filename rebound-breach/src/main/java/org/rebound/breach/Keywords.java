package org.rebound.breach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists of lower-case keywords looked for in a text in one pass: at each position of the text, the
 * two characters there are looked up in a small open-addressing table of the keywords' first two, and
 * only keywords that can start there are compared. Much cheaper than searching for each keyword of
 * each list in turn, as most texts contain few.
 */
final class Keywords {

    private record Entry(String keyword, int list) {
    }

    /**
     * Bit {@code (first & 0xff) << 8 | (second & 0xff)} set for each keyword's first two characters: at
     * most positions of a text no keyword starts, and this says so with one bit.
     */
    private final long[] mayOpen = new long[1 << 16 >> 6];
    private final int[] openings;
    private final Entry[][] entries;
    private final int mask;
    private final int allLists;

    /** Keyword lists, the first numbered 0; at most 31. */
    Keywords(List<List<String>> lists) {
        if (lists.size() > 31) {
            throw new IllegalArgumentException("at most 31 keyword lists, got " + lists.size());
        }
        Map<Integer, List<Entry>> grouped = new LinkedHashMap<>();
        for (int list = 0; list < lists.size(); list++) {
            for (String keyword : lists.get(list)) {
                if (keyword.length() < 2) {
                    throw new IllegalArgumentException("a keyword needs two characters at least: '" + keyword + "'");
                }
                int bit = bit(keyword, 0);
                mayOpen[bit >>> 6] |= 1L << bit;
                grouped.computeIfAbsent(opening(keyword, 0), key -> new ArrayList<>()).add(new Entry(keyword, list));
            }
        }
        int size = Integer.highestOneBit(Math.max(4, grouped.size() * 4 - 1)) << 1;
        this.openings = new int[size];
        this.entries = new Entry[size][];
        this.mask = size - 1;
        this.allLists = (1 << lists.size()) - 1;
        grouped.forEach((opening, group) -> {
            int slot = slot(opening);
            while (entries[slot] != null) {
                slot = (slot + 1) & mask;
            }
            openings[slot] = opening;
            entries[slot] = group.toArray(Entry[]::new);
        });
    }

    /** Which lists have a keyword in {@code lower} (compared as it is: pass it lower-cased): bit i for list i. */
    int listsIn(String lower) {
        int found = 0;
        for (int i = 0; i + 1 < lower.length() && found != allLists; i++) {
            int bit = bit(lower, i);
            if ((mayOpen[bit >>> 6] & 1L << bit) == 0) {
                continue;
            }
            int opening = opening(lower, i);
            for (int slot = slot(opening); entries[slot] != null; slot = (slot + 1) & mask) {
                if (openings[slot] == opening) {
                    for (Entry entry : entries[slot]) {
                        if ((found & 1 << entry.list) == 0 && lower.startsWith(entry.keyword, i)) {
                            found |= 1 << entry.list;
                        }
                    }
                    break;
                }
            }
        }
        return found;
    }

    private static int bit(String text, int at) {
        return (text.charAt(at) & 0xff) << 8 | (text.charAt(at + 1) & 0xff);
    }

    private static int opening(String text, int at) {
        return text.charAt(at) << 16 | text.charAt(at + 1);
    }

    private int slot(int opening) {
        return (opening * 0x9E3779B1 >>> 16) & mask;
    }
}
