package org.rebound.obligations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One rule evaluated against an incident's facts.
 *
 * @param rule the rule id ({@code gdpr-art33}, {@code us-ca-1798.82}, ...)
 * @param recipient whom to notify, with the facts filled in (the authority, the people and how many)
 * @param deadline the latest lawful time in UTC, or null when the law sets no fixed time ("without undue delay")
 * @param zone where the deadline is read locally (the recipient's jurisdiction)
 * @param timing the deadline as the law words it
 * @param provisional whether the deadline depends on a notice not yet given (a NIS2 final report counts
 *     from the actual submission of the notification; until then it is computed from that notice's deadline)
 * @param why the facts and the rule that make it apply, or what keeps it from applying
 * @param content what the notice must contain
 * @param doneAt when the notice was given, or null
 */
public record Obligation(String rule, String title, String recipient, ObligationStatus status,
                         @Nullable Instant deadline, ZoneId zone, String timing, boolean provisional, String why,
                         String source, String url, List<String> content, @Nullable Instant doneAt) {

    public Obligation {
        content = List.copyOf(content);
    }

    /** The deadline in the recipient's local time. */
    public Optional<ZonedDateTime> deadlineLocal() {
        return Optional.ofNullable(deadline).map(at -> at.atZone(zone));
    }

    public boolean triggered() {
        return status != ObligationStatus.NOT_TRIGGERED;
    }
}
