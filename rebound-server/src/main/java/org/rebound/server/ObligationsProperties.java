package org.rebound.server;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadline alerts, under {@code rebound.obligations.*}.
 *
 * @param alertLeadTimes   how long before a notification deadline to alert (each once); a passed deadline always alerts
 * @param alertMailTo      who gets alerts by e-mail (the legal team's list, the commanders); none: in-app only.
 *                         Mail goes through the SMTP server of {@code spring.mail.host}
 * @param alertMailFrom    the sender of alert mails
 * @param alertCheckInterval how often deadlines are checked
 */
@ConfigurationProperties("rebound.obligations")
public record ObligationsProperties(
        @DefaultValue({"24h", "4h", "1h"}) List<Duration> alertLeadTimes,
        @DefaultValue({}) List<String> alertMailTo,
        @DefaultValue("rebound@localhost") String alertMailFrom,
        @DefaultValue("1m") Duration alertCheckInterval) {
}
