package org.rebound.server;

import org.rebound.storage.Database;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server migrates its database exactly as the command line does. */
@Configuration
class FlywayConfig {

    @Bean
    FlywayConfigurationCustomizer reboundMigrations() {
        return Database::configure;
    }
}
