package org.rebound.server;

import org.rebound.storage.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server on the embedded default, H2. */
class H2ServerIntegrationTests extends ServerContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.bootOnFreshH2(registry);
    }
}
