package org.rebound.obligations.view;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.obligations.Obligation;

/**
 * Obligations as JSON (documented in docs/obligations.md): each with its rule id, recipient, status
 * ({@code not-triggered}, {@code due}, {@code overdue}, {@code done}), deadline in UTC and in the
 * recipient's local time, and why it applies.
 *
 * @param evaluatedAt the instant statuses were computed for
 */
public record ObligationsView(String entity, String awareAt, String evaluatedAt, List<ObligationView> obligations) {

    /**
     * @param deadline ISO-8601 UTC, or null when the law sets no fixed time
     * @param deadlineLocal the same instant with the offset of {@code timezone}
     */
    public record ObligationView(String rule, String title, String recipient, String status, @Nullable String deadline,
                                 @Nullable String deadlineLocal, String timezone, String timing, boolean provisional,
                                 String why, String source, String url, List<String> content, @Nullable String doneAt) {

        public static ObligationView of(Obligation obligation) {
            return new ObligationView(obligation.rule(), obligation.title(), obligation.recipient(),
                    obligation.status().id(), text(obligation.deadline()),
                    obligation.deadlineLocal().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null),
                    obligation.zone().getId(), obligation.timing(), obligation.provisional(), obligation.why(),
                    obligation.source(), obligation.url(), obligation.content(), text(obligation.doneAt()));
        }
    }

    public static ObligationsView of(String entity, Instant awareAt, Instant evaluatedAt, List<Obligation> obligations) {
        return new ObligationsView(entity, awareAt.toString(), evaluatedAt.toString(),
                obligations.stream().map(ObligationView::of).toList());
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
