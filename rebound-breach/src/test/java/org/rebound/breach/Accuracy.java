package org.rebound.breach;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Precision and recall per category, counted by the caller in whatever unit it evaluates. */
final class Accuracy {

    private final Map<Category, long[]> counts = new EnumMap<>(Category.class); // tp, fp, fn

    void count(Set<Category> truth, Set<Category> predicted) {
        for (Category category : Category.values()) {
            boolean expected = truth.contains(category);
            boolean found = predicted.contains(category);
            if (expected || found) {
                long[] c = counts.computeIfAbsent(category, key -> new long[3]);
                c[expected && found ? 0 : found ? 1 : 2]++;
            }
        }
    }

    double precision(Category category) {
        long[] c = counts.getOrDefault(category, new long[3]);
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    double recall(Category category) {
        long[] c = counts.getOrDefault(category, new long[3]);
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    double f1(Category category) {
        double p = precision(category);
        double r = recall(category);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    long support(Category category) {
        long[] c = counts.getOrDefault(category, new long[3]);
        return c[0] + c[2];
    }

    /** A Markdown table, the form docs/benchmarks.md shows. */
    String table(String unit) {
        StringBuilder out = new StringBuilder("| category | precision | recall | F1 | " + unit + " |\n|---|---|---|---|---|\n");
        counts.keySet().forEach(category -> out.append(String.format("| %s | %.3f | %.3f | %.3f | %d |%n",
                category.id(), precision(category), recall(category), f1(category), support(category))));
        return out.toString();
    }
}
