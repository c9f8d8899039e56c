package org.rebound.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring Boot application; started by {@code rebound serve} and {@code rebound demo}. */
@SpringBootApplication(scanBasePackages = "org.rebound")
@ConfigurationPropertiesScan("org.rebound")
@EnableScheduling
public class ReboundServer {
}
