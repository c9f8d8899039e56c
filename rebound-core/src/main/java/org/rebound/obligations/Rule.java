package org.rebound.obligations;

import java.util.List;

/**
 * One notification duty as the rule book states it.
 *
 * @param recipient whom to notify; {@code {gdpr_authority}}, {@code {nis2_authority}} and
 *     {@code {affected:REGION}} are filled from the facts
 * @param zone a time zone id, or {@code authority}, {@code nis2-authority} or {@code entity}
 */
record Rule(String id, String title, String source, String url, String recipient, String zone,
            List<Condition> appliesWhen, List<Exemption> exemptWhen, Deadline deadline, String timing,
            List<String> content) {

    record Exemption(Condition when, String reason) {
    }
}
