/**
 * The Spring Boot application: configuration wiring the plain use cases into beans, start-up tasks
 * (the first administrator, the demo incident) and the launcher the CLI uses.
 */
@NullMarked
package org.rebound.server;

import org.jspecify.annotations.NullMarked;
