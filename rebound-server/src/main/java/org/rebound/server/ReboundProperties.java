package org.rebound.server;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the server, under {@code rebound.*}.
 *
 * @param demo            load Albion Motors and its ransomware incident when the database has no model
 * @param adminPassword   the first administrator's password; generated and printed once when absent
 *                        (set it with the {@code REBOUND_ADMIN_PASSWORD} environment variable)
 * @param refreshInterval how often to look for changes made by another Rebound process
 * @param tickInterval    how often open dashboards refresh the loss counters
 * @param evidenceDir     where uploaded evidence files are kept, under their SHA-256 ({@code rebound serve}
 *                        puts it in the data directory)
 * @param breachKeyFile   the key that seals affected people in breach registers, created on first use unless
 *                        the {@code REBOUND_BREACH_KEY} environment variable gives one ({@code rebound serve}
 *                        puts it in the data directory)
 */
@ConfigurationProperties("rebound")
public record ReboundProperties(
        @DefaultValue("false") boolean demo,
        @Nullable String adminPassword,
        @DefaultValue("5s") Duration refreshInterval,
        @DefaultValue("15s") Duration tickInterval,
        @DefaultValue("rebound-data/evidence") Path evidenceDir,
        @DefaultValue("rebound-data/breach-register.key") Path breachKeyFile) {
}
