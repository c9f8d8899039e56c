package org.rebound.model.io;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt ids and field names. */
final class Suggestions {

    private static final int MAX_CANDIDATES = 50_000;

    private Suggestions() {
    }

    /** The candidate closest to {@code wrong} within a small edit distance, if any. */
    static Optional<String> closest(String wrong, Collection<String> candidates) {
        if (candidates.size() > MAX_CANDIDATES) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.min(3, wrong.length() / 4));
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - wrong.length()) > allowed) {
                continue;
            }
            int distance = distance(wrong.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    static String didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(found -> " (did you mean '" + found + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
