package org.rebound.breach;

/**
 * One piece of personal data found in free text: its category, the text as found, where it sits
 * ({@code start} inclusive, {@code end} exclusive, in chars) and how sure the detector is (0..1).
 */
public record Finding(Category category, String value, int start, int end, double confidence) {

    public Finding {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end + " for " + category.id());
        }
        if (confidence <= 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be in (0, 1], was " + confidence);
        }
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
